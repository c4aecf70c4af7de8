// Region, tier×region and attribute draws from PostgreSQL and MariaDB (throw-away servers, never skipped): the
// labels computed in SQL (draw-v1 §12) give announcements and records byte-identical to the in-memory path, over the
// 晋城 hotels example plus rows that test the edges — no region (unassigned), attribute text with quotes,
// backslashes, a tab, a control character, ideographic spaces to trim, letters differing only in case, blank and NULL attributes; an invalid region code stops both.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  announce, announceFromSource, buildManifest, buildManifestFromSource, compareCodePoints, diceEntropy, draw, drawFromSource, type DrawEntity,
  parseEntityPoolCsv, type PoolSource, stratifier, unwrap, verifyDrawFromSource,
} from "../../src/index.js";
import { mysqlSource } from "../../src/sources/mysql.js";
import { postgresSource } from "../../src/sources/postgres.js";
import { useMariadb, usePostgres } from "./_databases.js";

const csv = readFileSync(new URL("../../examples/jincheng/hotels-pool.csv", import.meta.url), "utf8");
const STAR = "星级";
const hotels: DrawEntity[] = unwrap(parseEntityPoolCsv(csv)).map((e, k) => ({
  id: e.id, tier: e.tier, status: e.status, regionCode: e.regionCode,
  attributes: { [STAR]: ["三星", "Deluxe", "deluxe", "\u3000三星 ", 'say "hi" \\ ', "tab\tinside", "ctl\u0001x", "", null][k % 9] ?? null },
}));
const pool: DrawEntity[] = [
  ...hotels,
  { id: "X-NOREGION-1", tier: "B", attributes: { [STAR]: "五星" } },
  { id: "X-NOREGION-2", attributes: {} },
];
const salt = "jincheng-strata-salt-0123456789";
const dice = unwrap(diceEntropy("27182818284590452353"));

/** Rows of the table: id, tier, status, region_code, 星级. */
const rowsOf = (p: readonly DrawEntity[]) => p.map((e) => [e.id, e.tier ?? null, e.status ?? null, e.regionCode ?? null, e.attributes?.[STAR] ?? null]);

/** Sizes for every stratum of the in-memory manifest: up to 3 each (all of a small stratum). */
function sizesFor(stratify: string): Record<string, number> {
  const m = unwrap(buildManifest(pool, { stratify, salt }));
  return Object.fromEntries(m.strata.map((s) => [s.label, Math.min(3, s.N)]));
}

const STRATIFICATIONS = ["region:county", "tier×region:county", "region:city×tier", `attribute:${STAR}`, `tier×attribute:${STAR}`];

function suite(open: (table: string, p: readonly DrawEntity[]) => Promise<PoolSource>): void {
  it("computes each stratum's label, size and id order in SQL as the in-memory stratifier does", async () => {
    const source = await open("strata", pool);
    const rules = { exemptTiers: [], recentInspection: null, drawnEarlier: null };
    for (const stratify of STRATIFICATIONS) {
      const s = unwrap(stratifier(stratify));
      const expected = new Map<string, string[]>();
      for (const e of pool) if ((e.status ?? "active") === "active") expected.set(s.labelOf(e), [...(expected.get(s.labelOf(e)) ?? []), e.id]);
      const opened = await source.open({ stratification: stratify, rules, drawnEarlier: [] });
      try {
        expect(opened.issues).toEqual([]);
        expect(opened.strata.map((x) => [x.label, x.N]).sort(), stratify).toEqual([...expected].map(([l, ids]) => [l, ids.length]).sort());
        for (const [label, ids] of expected) {
          const got: string[] = [];
          for await (const batch of opened.ids(label)) got.push(...batch);
          expect(got).toEqual([...ids].sort(compareCodePoints));
        }
      } finally {
        await opened.close();
      }
    }
  });

  for (const stratify of STRATIFICATIONS) {
    it(`${stratify}: announcement and record byte-identical to the in-memory path, and verified from the database`, async () => {
      const source = await open(`t${stratify.length}_${stratify.charCodeAt(0)}`, pool);
      const sizes = sizesFor(stratify);
      const input = { taskId: "JC-2023-旅馆", taskName: "对旅馆业从业单位的随机抽查", stratify, salt, sizes, entropySource: { kind: "dice" as const, description: "掷骰" } };
      const mem = unwrap(announce({ ...input, pool }));
      const db = unwrap(await announceFromSource({ ...input, source }));
      expect(JSON.stringify(db.announcement)).toBe(JSON.stringify(mem.announcement));
      expect(db.manifest.strata.map((s) => [s.key, s.label, s.N])).toEqual(mem.manifest.strata.map((s) => [s.key, s.label, s.N]));
      const r1 = unwrap(draw(mem.announcement, pool, dice, { salt }));
      const r2 = unwrap(await drawFromSource(db.announcement, source, dice, { salt }));
      expect(JSON.stringify(r2)).toBe(JSON.stringify(r1));
      expect((await verifyDrawFromSource(r1, source, { salt })).ok).toBe(true);
    });
  }

  it("region labels: county and city codes, and unassigned for entities without a region", async () => {
    const source = await open("labels", pool);
    const m = unwrap(await buildManifestFromSource(source, { stratify: "region:city×tier", salt }));
    expect(m.strata.map((s) => s.label).sort()).toEqual(['["140500","A"]', '["140500","B"]', '["140500","C"]', '["140500","D"]', '["unassigned","B"]', '["unassigned","untiered"]']);
  });

  it("a moved entity (its region changed in the database) fails verification", async () => {
    const source = await open("moved", pool);
    const input = { taskId: "JC", stratify: "region:county", salt, sizes: sizesFor("region:county"), entropySource: { kind: "dice" as const, description: "d" } };
    const record = unwrap(draw(unwrap(announce({ ...input, pool })).announcement, pool, dice, { salt }));
    const moved = pool.map((e) => (e.id === record.selections[0]!.id ? { ...e, regionCode: e.regionCode === "140502" ? "140525" : "140502" } : e));
    const changed = await open("moved2", moved);
    expect((await verifyDrawFromSource(record, source, { salt })).ok).toBe(true);
    const v = await verifyDrawFromSource(record, changed, { salt });
    expect(!v.ok && v.issues.map((i) => i.code)).toContain("stratum_mismatch");
  });

  it("a region code that is not 6 digits is an invalid row of the pool, reported with an example", async () => {
    const source = await open("badregion0", [...pool, { id: "X-BADREGION", tier: "A" as const, regionCode: "14052" }, { id: "X-BADREGION2", regionCode: "1405O2" }]);
    const opened = await source.open({ stratification: "tier×region:county", rules: { exemptTiers: [], recentInspection: null, drawnEarlier: null }, drawnEarlier: [] });
    await opened.close();
    expect(opened.issues.map((i) => [i.code, i.params])).toEqual([["source_entity_invalid", { count: 2, field: "region", example: "14052", detail: "6 digits (行政区划代码), empty or NULL" }]]);
  });

  it("an invalid region code stops the announcement, in memory and from the database", async () => {
    const bad = [...pool, { id: "X-BADREGION", tier: "A" as const, regionCode: "14052" }];
    const source = await open("badregion", bad);
    const input = { taskId: "JC", stratify: "region:county", salt, sizes: 3, entropySource: { kind: "dice" as const, description: "d" } };
    expect(announce({ ...input, pool: bad }).ok).toBe(false);
    const m = await buildManifestFromSource(source, { stratify: "region:county", salt });
    expect(!m.ok && m.issues.map((i) => [i.code, (i.params as { field?: string }).field])).toContainEqual(["source_entity_invalid", "region"]);
  });
}

describe("postgresSource: region, tier×region and attribute strata", () => {
  const db = usePostgres("PostgreSQL source tests");
  suite(async (table, p) => {
    await db.client.query(`DROP TABLE IF EXISTS "${table}"; CREATE TABLE "${table}" (id text PRIMARY KEY, tier text, status text, 行政区划代码 char(6), "${STAR}" text)`);
    const rows = rowsOf(p);
    await db.client.query(`INSERT INTO "${table}" SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`, [0, 1, 2, 3, 4].map((k) => rows.map((r) => r[k])));
    return postgresSource({ connection: db.server.url, table, columns: { region: "行政区划代码" } });
  });
});

describe("mysqlSource on MariaDB: region, tier×region and attribute strata", () => {
  const db = useMariadb("MySQL-family source tests", "dr");
  suite(async (table, p) => {
    await db.connection.query(`DROP TABLE IF EXISTS \`${table}\``);
    // The attribute column in a case-insensitive collation: labels are still compared byte by byte.
    await db.connection.query(`CREATE TABLE \`${table}\` (id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PRIMARY KEY, tier CHAR(1), status VARCHAR(16), 行政区划代码 CHAR(6), \`${STAR}\` VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci)`);
    await db.connection.query(`INSERT INTO \`${table}\` VALUES ?`, [rowsOf(p)]);
    return mysqlSource({ connection: db.url, table, columns: { region: "行政区划代码" } });
  });
});
