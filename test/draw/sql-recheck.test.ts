// The PostgreSQL recipe of docs/spec/draw-v1.md §12, run as written against a throw-away local server (unix
// socket only, no TCP) on the stratified vector, and with §12's region label expressions on vectors 5 and 6 (county,
// tier × county): manifest digest and the picks of a stratum must match ours.
// Skipped, saying why, where no PostgreSQL server binaries or no `postgres` user are available.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = ["/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"].find((d) => existsSync(join(d, "initdb")));
const spec = readFileSync(new URL("../../docs/spec/draw-v1.md", import.meta.url), "utf8");
const recipe = /```sql\n([\s\S]*?)```/.exec(spec)?.[1] ?? "";
interface SqlVector { salt: string; eligible: Record<string, string>; pool: { id: string; tier?: string; regionCode?: string }[]; record: { manifestDigest: string; strata: { key: string; N: number; n: number; seed: string }[]; selections: { id: string; stratum: string; counter: number | null; hash: string | null; index: number }[] } }
const vectors = JSON.parse(readFileSync(new URL("./draw-v1-vectors.json", import.meta.url), "utf8")) as { stratified: SqlVector; region: SqlVector; tierRegion: SqlVector };

let dir = "";
let ready = false;
let why = "";
const asPostgres = (cmd: string) => execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", cmd], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

beforeAll(() => {
  if (!bin) return void (why = "no PostgreSQL server binaries");
  try {
    dir = mkdtempSync(join(tmpdir(), "draw-pg-"));
    chmodSync(dir, 0o777);
    asPostgres(`${bin}/initdb -D ${dir}/data -E UTF8 --locale=C.UTF-8 -A trust -U postgres >/dev/null`);
    asPostgres(`${bin}/pg_ctl -D ${dir}/data -o "-c listen_addresses='' -k ${dir}" -l ${dir}/log -w start >/dev/null`);
    ready = true;
  } catch (e) {
    why = `cannot start a local PostgreSQL: ${(e as Error).message.split("\n")[0]}`;
  }
}, 60_000);

afterAll(() => {
  if (ready) asPostgres(`${bin}/pg_ctl -D ${dir}/data -m immediate stop >/dev/null`);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function psql(sql: string, vars: Record<string, string | number> = {}): string {
  const file = join(dir, "q.sql");
  writeFileSync(file, sql);
  chmodSync(file, 0o644);
  const v = Object.entries(vars).flatMap(([k, x]) => ["-v", `${k}=${x}`]);
  return execFileSync("psql", ["-X", "-q", "-A", "-t", "-h", dir, "-U", "postgres", "-v", "ON_ERROR_STOP=1", ...v, "-f", file], { encoding: "utf8" });
}

describe("PostgreSQL recipe (docs/spec/draw-v1.md §12)", () => {
  it("gives our manifest digest and our picks", (ctx) => {
    // CI installs PostgreSQL (.ci/run), so there a missing server is a failure, never a silent skip.
    if (!ready && process.env.CI) throw new Error(`PostgreSQL recipe cannot run in CI: ${why}`);
    if (!ready) return ctx.skip(why);
    const st = vectors.stratified;
    const rows = Object.entries(st.eligible).map(([id, label]) => `('${id.replace(/'/g, "''")}', ${label === "untiered" ? "NULL" : `'${label}'`}, 'active')`);
    psql(`CREATE TABLE pool(id text primary key, tier text, status text); INSERT INTO pool VALUES ${rows.join(",")};`);
    const stratum = st.record.strata.find((s) => s.n < s.N && s.n > 1)!;
    const out = psql(recipe, { salt: st.salt, stream_seed: stratum.seed, key: stratum.key, N: stratum.N, n: stratum.n, imax: 2 * stratum.n + 50 })
      .trim().split("\n").filter((l) => l.length > 0);
    expect(out[0]).toBe(st.record.manifestDigest);
    const picks = st.record.selections.filter((s) => s.stratum === stratum.key).map((s) => `${s.counter}|${s.hash}|${s.index}|${s.id}`);
    expect(out.slice(1)).toEqual(picks);
  });

  it("gives vectors 5 and 6 (region:county, tier×region:county) with the label expressions §12 states", (ctx) => {
    if (!ready && process.env.CI) throw new Error(`PostgreSQL recipe cannot run in CI: ${why}`);
    if (!ready) return ctx.skip(why);
    const county = "coalesce(nullif(region_code, ''), 'unassigned')";
    const cases = [
      { v: vectors.region, name: "region5", label: county },
      { v: vectors.tierRegion, name: "region6", label: `'["' || coalesce(tier, 'untiered') || '","' || ${county} || '"]'` },
    ];
    for (const { v, name, label } of cases) {
      const eligible = v.pool.filter((e) => e.id in v.eligible);
      const q = (x: string | undefined) => (x === undefined ? "NULL" : `'${x.replace(/'/g, "''")}'`);
      psql(`DROP TABLE IF EXISTS pool; CREATE TABLE pool(id text primary key, tier text, region_code text, status text); INSERT INTO pool VALUES ${eligible.map((e) => `(${q(e.id)}, ${q(e.tier)}, ${q(e.regionCode)}, 'active')`).join(",")};`);
      const stratum = [...v.record.strata].sort((a, b) => b.n - a.n).find((s) => s.n < s.N && s.n > 0)!;
      expect(recipe.split("coalesce(tier, 'untiered')").length, name).toBe(3);
      const out = psql(recipe.replaceAll("coalesce(tier, 'untiered')", label), { salt: v.salt, stream_seed: stratum.seed, key: stratum.key, N: stratum.N, n: stratum.n, imax: 2 * stratum.n + 50 })
        .trim().split("\n").filter((l) => l.length > 0);
      expect(out[0], name).toBe(v.record.manifestDigest);
      expect(out.slice(1), name).toEqual(v.record.selections.filter((s) => s.stratum === stratum.key).map((s) => `${s.counter}|${s.hash}|${s.index}|${s.id}`));
    }
  });
});
