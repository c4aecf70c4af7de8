// The MySQL-family recipe of docs/spec/draw-v1.md §12.1, run as written against a throw-away MariaDB on the
// stratified vector (manifest digest and the picks of a stratum) and on the chunk-boundary vector (two chunks).
// Never skipped: a missing server fails, as CI installs one (.ci/run).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chunkedIds, vectors } from "./_conformance.js";
import { useMariadb } from "./_databases.js";

const spec = readFileSync(new URL("../../docs/spec/draw-v1.md", import.meta.url), "utf8");
const recipe = /### 12\.1[\s\S]*?```sql\n([\s\S]*?)```/.exec(spec)?.[1] ?? "";

const maria = useMariadb("the MySQL recipe tests");

async function run(db: string, rows: (string | null)[][], vars: Record<string, string | number>): Promise<unknown[][]> {
  await maria.connection.query(`CREATE DATABASE ${db}; USE ${db}; CREATE TABLE pool (id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PRIMARY KEY, tier CHAR(1), status VARCHAR(16))`);
  for (let k = 0; k < rows.length; k += 10_000) await maria.connection.query("INSERT INTO pool VALUES ?", [rows.slice(k, k + 10_000)]);
  await maria.connection.query(`SET ${Object.keys(vars).map((k) => `@${k} = ?`).join(", ")}`, Object.values(vars));
  const [results] = await maria.connection.query(recipe);
  return (results as unknown[]).filter((r): r is unknown[] => Array.isArray(r));
}

describe("MySQL recipe (docs/spec/draw-v1.md §12.1) on MariaDB", () => {
  it("is in the spec", () => {
    expect(recipe).toContain("CAST(id AS BINARY)");
  });

  it("gives our manifest digest and our picks on the stratified vector", async () => {
    const st = vectors.stratified;
    const stratum = st.record.strata.find((s) => s.n < s.N && s.n > 1)!;
    const rows = Object.entries(st.eligible).map(([id, label]) => [id, label === "untiered" ? null : label, "active"]);
    const [digest, picks] = await run("v2", rows, { salt: st.salt, stream_seed: stratum.seed, key: stratum.key, stratum_size: stratum.N, draw_size: stratum.n, imax: 2 * stratum.n + 50 });
    expect(digest).toEqual([{ D: st.record.manifestDigest }]);
    const want = st.record.selections.filter((s) => s.stratum === stratum.key).map((s) => `${s.counter}|${s.hash}|${s.index}|${s.id}`);
    expect((picks as { counter: number; hash: string; index: unknown; id: string }[]).map((p) => `${p.counter}|${p.hash}|${Number(p.index)}|${p.id}`)).toEqual(want);
  });

  it("gives vector 3's manifest digest across the chunk boundary (unstratified: every tier NULL is one stratum)", async () => {
    // The recipe keys strata by tier; with every tier NULL the only stratum is 'untiered', so its key differs from
    // 'all'. Check the stratum digest d_k instead, recomputed for key 'all' by replacing the key column.
    const rows = chunkedIds.map((id) => [id, null, "active"]);
    const unstratified = recipe.replace(/CONCAT\('S', LEFT\(SHA2\(CONCAT\('double-random\/draw-v1 stratum-key\\n', @salt, '\\n', COALESCE\(tier, 'untiered'\)\), 256\), 12\)\)/, "'all'");
    expect(unstratified).not.toBe(recipe);
    await maria.connection.query("CREATE DATABASE v3; USE v3; CREATE TABLE pool (id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PRIMARY KEY, tier CHAR(1), status VARCHAR(16))");
    for (let k = 0; k < rows.length; k += 10_000) await maria.connection.query("INSERT INTO pool VALUES ?", [rows.slice(k, k + 10_000)]);
    await maria.connection.query("SET @salt = ?, @stream_seed = 'x', @key = 'all', @stratum_size = 1, @draw_size = 0, @imax = 1", [vectors.chunked.salt]);
    const [results] = await maria.connection.query(unstratified);
    const sets = (results as unknown[]).filter((r): r is unknown[] => Array.isArray(r));
    expect(sets[0]).toEqual([{ D: vectors.chunked.manifestDigest }]);
  }, 60_000);
});
