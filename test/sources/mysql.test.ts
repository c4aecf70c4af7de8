// The MySQL-family source against a throw-away MariaDB (Debian's mariadbd on a socket in a temp dir with its own
// datadir, never the system service): the contract's conformance tests with the chunk digests computed in the
// database and with the ids streamed; the collation that gives code point order, proved on astral, fullwidth and
// trailing-space ids; a query mapping and failures as values.
import mysql from "mysql2/promise";
import { describe, expect, it } from "vitest";
import { announceFromSource, buildManifestFromSource, type DrawEntity, unwrap } from "../../src/index.js";
import { mysqlSource } from "../../src/sources/mysql.js";
import { conformance, vectors } from "./_conformance.js";
import { useMariadb } from "./_databases.js";

// CI installs MariaDB (.ci/run): a missing server fails, here as there — never skipped.
const db = useMariadb("MySQL-family source tests", "dr");

/** Loads a pool into table `name` (and its inspections into `name_insp`), ids in a utf8mb4_bin column. */
export async function loadMysql(conn: mysql.Connection, name: string, pool: readonly DrawEntity[]): Promise<void> {
  await conn.query(`DROP TABLE IF EXISTS \`${name}\`, \`${name}_insp\``);
  await conn.query(`CREATE TABLE \`${name}\` (id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PRIMARY KEY, tier CHAR(1), status VARCHAR(16))`);
  await conn.query(`CREATE TABLE \`${name}_insp\` (entity_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, date DATE, item_id VARCHAR(64))`);
  for (let k = 0; k < pool.length; k += 10_000) {
    await conn.query(`INSERT INTO \`${name}\` VALUES ?`, [pool.slice(k, k + 10_000).map((e) => [e.id, e.tier ?? null, e.status ?? null])]);
  }
  const insp = pool.flatMap((e) => (e.inspections ?? []).map((i) => [e.id, i.date, i.itemId ?? null]));
  if (insp.length > 0) await conn.query(`INSERT INTO \`${name}_insp\` VALUES ?`, [insp]);
}

describe("mysqlSource on MariaDB, chunk digests in the database", () => {
  conformance(async (name, pool) => {
    await loadMysql(db.connection, `db_${name}`, pool);
    return mysqlSource({ connection: db.url, table: `db_${name}`, inspections: { table: `db_${name}_insp` } });
  });
});

describe("mysqlSource on MariaDB, ids streamed", () => {
  conformance(async (name, pool) => {
    await loadMysql(db.connection, `st_${name}`, pool);
    return mysqlSource({ connection: db.url, table: `st_${name}`, inspections: { table: `st_${name}_insp` }, digests: "stream", fetchRows: 7 });
  });
});

describe("MySQL collations and code point order", () => {
  const ids = ["E01", "Ｅ09", "😀08", "甲04", "e01", "a", "a!", "a "];
  const codePoint = [...ids].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
  it("utf8mb4_bin orders astral after fullwidth (code point order), the _ci collations do not; binary order is exact", async () => {
    await db.connection.query("CREATE TABLE coll (id VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin)");
    await db.connection.query("INSERT INTO coll VALUES ?", [ids.map((x) => [x])]);
    const order = async (by: string) => ((await db.connection.query(`SELECT id FROM coll ORDER BY ${by}, CAST(id AS BINARY)`))[0] as { id: string }[]).map((r) => r.id);
    const noSpace = codePoint.filter((x) => x !== "a ");
    expect((await order("id")).filter((x) => x !== "a ")).toEqual(noSpace);
    expect(await order("CAST(id AS BINARY)")).toEqual(codePoint);
    expect(await order("id COLLATE utf8mb4_nopad_bin")).toEqual(codePoint);
    expect(await order("id COLLATE utf8mb4_general_ci")).not.toEqual(codePoint);
    expect(await order("id COLLATE utf8mb4_unicode_ci")).not.toEqual(codePoint);
    // utf8mb4_bin is PAD SPACE: "a" and "a " compare equal, so an id ending in a space has no place of its own.
    const [[pad]] = (await db.connection.query("SELECT 'a' = 'a ' COLLATE utf8mb4_bin AS bin, CAST('a' AS BINARY) = CAST('a ' AS BINARY) AS bytes")) as unknown as [[{ bin: number; bytes: number }]];
    expect(pad).toEqual({ bin: 1, bytes: 0 });
  });

  it("draws the same record from a utf8mb4_general_ci column (the source compares bytes, not the column's collation)", async () => {
    const v = vectors.unstratified;
    await db.connection.query("CREATE TABLE ci (id VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci PRIMARY KEY)");
    await db.connection.query("INSERT INTO ci VALUES ?", [v.pool.map((e) => [e.id])]);
    const m = unwrap(await buildManifestFromSource(mysqlSource({ connection: db.url, table: "ci", columns: { tier: null, status: null } }), { stratify: "none", salt: v.salt }));
    expect(m.digest).toBe(v.record.manifestDigest);
  });
});

describe("mysqlSource mapping and failures", () => {
  const salt = "my-salt-0123456789";
  it("reads a query mapping with other column names and status values, and quotes odd identifiers", async () => {
    await db.connection.query("CREATE TABLE `主体``; DROP TABLE x` (`统一代码` VARCHAR(20) COLLATE utf8mb4_bin, `风险` CHAR(1), `状态` VARCHAR(8))");
    await db.connection.query("INSERT INTO `主体``; DROP TABLE x` VALUES ('Q1', 'A', '存续'), ('Q2', 'B', '在业'), ('Q3', 'B', '注销'), ('Q4', 'A', NULL)");
    const input = { taskId: "MY", stratify: "tier" as const, salt, sizes: { A: 1, B: 1 }, entropySource: { kind: "dice" as const, description: "d" } };
    const byTable = mysqlSource({ connection: db.url, table: "dr.主体`; DROP TABLE x", columns: { id: "统一代码", tier: "风险", status: "状态" }, activeStatus: ["存续", "在业"] });
    const a = unwrap(await announceFromSource({ ...input, source: byTable }));
    expect(a.announcement.exclusions.counts.inactive).toBe(1);
    const byQuery = mysqlSource({ connection: db.url, query: "SELECT `统一代码` AS id, `风险` AS tier, `状态` AS status FROM `主体``; DROP TABLE x`", activeStatus: ["存续", "在业"] });
    expect(JSON.stringify(unwrap(await announceFromSource({ ...input, source: byQuery })))).toBe(JSON.stringify(a));
  });

  it("reports duplicate ids (not folded by case or padding), invalid ids and tiers, and an unreachable server", async () => {
    await db.connection.query("CREATE TABLE dup (id VARCHAR(20) COLLATE utf8mb4_bin, tier VARCHAR(2), status VARCHAR(8))");
    await db.connection.query("INSERT INTO dup VALUES ('D1', 'A', NULL), ('D1', 'B', 'revoked'), ('d1', 'A', NULL), ('D1 ', 'A', NULL), ('D2', 'Z', NULL), ('D2a', 'A ', NULL), (CONCAT('D', CHAR(9), '3'), NULL, NULL)");
    const r = await buildManifestFromSource(mysqlSource({ connection: db.url, table: "dup" }), { stratify: "tier", salt });
    expect(!r.ok && r.issues.map((i) => i.message.en)).toEqual([
      expect.stringMatching(/^1 rows of the pool have an invalid id/), expect.stringMatching(/^2 rows of the pool have an invalid tier/), 'Id "D1" occurs 2 times in the pool (excluded entities included)',
    ]);
    const gone = await buildManifestFromSource(mysqlSource({ connection: db.url.replace(/socketPath=[^&]*/, "socketPath=%2Fnonexistent%2Fsock"), table: "t" }), { stratify: "none", salt });
    expect(!gone.ok && gone.issues.map((i) => i.code)).toEqual(["source_failed"]);
  });
});
