// The PostgreSQL source against a throw-away PostgreSQL (Debian's, on a unix socket in a temp dir): the contract's
// conformance tests with the chunk digests computed in the database and with the ids streamed, then what is
// particular to PostgreSQL: a query mapping, quoted identifiers, one snapshot, failures as values.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { announceFromSource, buildManifestFromSource, type DrawEntity, unwrap } from "../../src/index.js";
import { postgresSource } from "../../src/sources/postgres.js";
import { conformance, vectors } from "./_conformance.js";
import { usePostgres } from "./_databases.js";

// CI installs PostgreSQL (.ci/run): there a missing server fails, and so it does here — these tests are never skipped.
const db = usePostgres("PostgreSQL source tests");

/** Loads a pool into table `name` (and its inspections into `name_insp`). */
export async function loadPg(c: pg.Client, name: string, pool: readonly DrawEntity[]): Promise<void> {
  await c.query(`DROP TABLE IF EXISTS "${name}", "${name}_insp"; CREATE TABLE "${name}" (id text PRIMARY KEY, tier text, status text); CREATE TABLE "${name}_insp" (entity_id text, date date, item_id text)`);
  await c.query(`INSERT INTO "${name}" SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [pool.map((e) => e.id), pool.map((e) => e.tier ?? null), pool.map((e) => e.status ?? null)]);
  const insp = pool.flatMap((e) => (e.inspections ?? []).map((i) => [e.id, i.date, i.itemId ?? null]));
  if (insp.length > 0) await c.query(`INSERT INTO "${name}_insp" SELECT * FROM unnest($1::text[], $2::date[], $3::text[])`, [insp.map((x) => x[0]), insp.map((x) => x[1]), insp.map((x) => x[2])]);
}

describe("postgresSource, chunk digests in the database", () => {
  conformance(async (name, pool) => {
    await loadPg(db.client, `db_${name}`, pool);
    return postgresSource({ connection: db.server.url, table: `db_${name}`, inspections: { table: `db_${name}_insp` } });
  });
});

describe("postgresSource, ids streamed through a cursor", () => {
  conformance(async (name, pool) => {
    await loadPg(db.client, `st_${name}`, pool);
    return postgresSource({ connection: db.server.url, table: `st_${name}`, inspections: { table: `st_${name}_insp` }, digests: "stream", fetchRows: 7 });
  });
});

describe("postgresSource mapping, snapshot and failures", () => {
  const salt = "pg-salt-0123456789";
  const input = { taskId: "PG", stratify: "tier" as const, salt, sizes: { A: 1, B: 1 }, entropySource: { kind: "dice" as const, description: "d" } };

  it("reads a query mapping with other column names and status values, and quotes odd identifiers", async () => {
    await db.client.query(`CREATE SCHEMA "登记 ""库"""; CREATE TABLE "登记 ""库"""."主体; DROP TABLE x" ("统一代码" text, "风险" text, "状态" text)`);
    await db.client.query(`INSERT INTO "登记 ""库"""."主体; DROP TABLE x" VALUES ('Q1', 'A', '存续'), ('Q2', 'B', '在业'), ('Q3', 'B', '注销'), ('Q4', 'A', NULL)`);
    const byTable = postgresSource({ connection: db.server.url, table: `登记 "库".主体; DROP TABLE x`, columns: { id: "统一代码", tier: "风险", status: "状态" }, activeStatus: ["存续", "在业"] });
    const a = unwrap(await announceFromSource({ ...input, source: byTable }));
    expect(a.announcement.exclusions.counts.inactive).toBe(1);
    expect(a.manifest.strata.map((s) => [s.label, s.N]).sort()).toEqual([["A", 2], ["B", 1]]);
    const byQuery = postgresSource({ connection: db.server.url, query: `SELECT "统一代码" AS id, "风险" AS tier, "状态" AS status FROM "登记 ""库"""."主体; DROP TABLE x"`, activeStatus: ["存续", "在业"] });
    expect(JSON.stringify(unwrap(await announceFromSource({ ...input, source: byQuery })))).toBe(JSON.stringify(a));
  });

  it("sees one snapshot: rows inserted while a source is open are not in its ids", async () => {
    await loadPg(db.client, "snap", [{ id: "S1" }, { id: "S2" }]);
    const open = await postgresSource({ connection: db.server.url, table: "snap" }).open({ stratification: "none", rules: { exemptTiers: [], recentInspection: null, drawnEarlier: null }, drawnEarlier: [] });
    await db.client.query(`INSERT INTO snap VALUES ('S0', NULL, NULL)`);
    const seen: string[] = [];
    for await (const b of open.ids("all")) seen.push(...b);
    await open.close();
    expect([open.strata, seen]).toEqual([[{ label: "all", N: 2 }], ["S1", "S2"]]);
  });

  it("reports duplicate ids, invalid tiers and ids, a bad mapping and an unreachable server as issues", async () => {
    await db.client.query(`CREATE TABLE dup (id text, tier text, status text); INSERT INTO dup VALUES ('D1', 'A', NULL), ('D1', 'B', 'revoked'), ('D2', 'Z', NULL), (E'D\\t3', NULL, NULL)`);
    const r = await buildManifestFromSource(postgresSource({ connection: db.server.url, table: "dup" }), { stratify: "tier", salt });
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["source_entity_invalid", "source_entity_invalid", "source_duplicate_id"]);
    const m = await buildManifestFromSource(postgresSource({ connection: db.server.url, table: "dup", query: "SELECT 1" }), { stratify: "none", salt });
    expect(!m.ok && m.issues.map((i) => i.code)).toEqual(["source_mapping_invalid"]);
    const gone = await buildManifestFromSource(postgresSource({ connection: `postgres://nobody@/x?host=${encodeURIComponent(db.server.socketDir)}-missing` , table: "t" }), { stratify: "none", salt });
    expect(!gone.ok && gone.issues.map((i) => i.code)).toEqual(["source_failed"]);
    const noTable = await buildManifestFromSource(postgresSource({ connection: db.server.url, table: "no_such_table" }), { stratify: "none", salt });
    expect(!noTable.ok && noTable.issues[0]?.message.en).toMatch(/no_such_table/);
  });

  it("accepts a pg.Pool and a connected pg.Client", async () => {
    await loadPg(db.client, "conn", vectors.unstratified.pool);
    const pool = new pg.Pool({ connectionString: db.server.url, max: 2 });
    const viaPool = unwrap(await buildManifestFromSource(postgresSource({ connection: pool, table: "conn" }), { stratify: "none", salt: vectors.unstratified.salt }));
    await pool.end();
    const viaClient = unwrap(await buildManifestFromSource(postgresSource({ connection: db.client, table: "conn" }), { stratify: "none", salt: vectors.unstratified.salt }));
    expect([viaPool.digest, viaClient.digest]).toEqual([vectors.unstratified.record.manifestDigest, vectors.unstratified.record.manifestDigest]);
  });
});
