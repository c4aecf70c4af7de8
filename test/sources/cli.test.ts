// The command line with the pool in a database: manifest, announce, draw and verify with --pool postgres://… and
// mysql://… (real servers, the built dist/cli.js), giving the records the library gives; the password is taken from
// the environment or a file and never printed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vectors } from "./_conformance.js";
import { useMariadb, usePostgres } from "./_databases.js";
import { requireBuiltCli, runCli } from "../_internal/cli.js";

const root = new URL("../../", import.meta.url).pathname;
const pgdb = usePostgres("the database CLI tests");
const maria = useMariadb("the database CLI tests", "dr");
let dir = "";

beforeAll(async () => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), "dr-cli-db-"));
  const c = pgdb.client;
  const pool = vectors.stratified.pool;
  await c.query("CREATE TABLE 名录 (uscc text PRIMARY KEY, tier text, status text); CREATE TABLE insp (entity_id text, date date, item_id text)");
  await c.query("INSERT INTO 名录 SELECT * FROM unnest($1::text[], $2::text[], $3::text[])", [pool.map((e) => e.id), pool.map((e) => e.tier ?? null), pool.map((e) => e.status ?? null)]);
  const insp = pool.flatMap((e) => (e.inspections ?? []).map((i) => [e.id, i.date, i.itemId]));
  await c.query("INSERT INTO insp SELECT * FROM unnest($1::text[], $2::date[], $3::text[])", [insp.map((x) => x[0]), insp.map((x) => x[1]), insp.map((x) => x[2])]);
  const m = maria.connection;
  await m.query("CREATE TABLE `名录` (uscc VARCHAR(32) COLLATE utf8mb4_bin PRIMARY KEY, tier CHAR(1), status VARCHAR(16)); CREATE TABLE insp (entity_id VARCHAR(32), date DATE, item_id VARCHAR(64))");
  await m.query("INSERT INTO `名录` VALUES ?", [pool.map((e) => [e.id, e.tier ?? null, e.status ?? null])]);
  await m.query("INSERT INTO insp VALUES ?", [insp]);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[], env: Record<string, string> = {}) => runCli(args, { env });

describe("double-random with --pool postgres://… and mysql://…", () => {
  const v = vectors.stratified;
  const common = ["--table", "名录", "--id-column", "uscc", "--inspections-table", "insp", "--salt", v.salt];
  const urls = () => ({ postgres: pgdb.server.url, mariadb: maria.url });

  it.each(["postgres", "mariadb"] as const)("manifest, announce, draw and verify from %s give the vector's record", (engine) => {
    const url = urls()[engine];
    const m = run(["manifest", "--pool", url, ...common, "--recent-item", "娱乐场所治安管理监督检查", "--recent-days", "365", "--as-of", "2023-06-30", "--recent-named-only", "--format", "json"]);
    expect(m.code, m.out + m.err).toBe(0);
    expect(JSON.parse(m.out).digest).toBe(v.record.manifestDigest);
    const ann = join(dir, `${engine}-a.json`);
    const a = run(["announce", "--pool", url, ...common, "--task-id", "VEC-2", "--task-name", "娱乐场所治安管理监督检查", "--sizes", "A=1,B=4,C=2,D=2,untiered=1",
      "--recent-item", "娱乐场所治安管理监督检查", "--recent-days", "365", "--as-of", "2023-06-30", "--recent-named-only", "--entropy-source", "lottery:中国福利彩票双色球 2023-06-01 开奖号码（红球、蓝球）", "-o", ann]);
    expect(a.code, a.err).toBe(0);
    const announced = JSON.parse(readFileSync(ann, "utf8"));
    expect(JSON.stringify(announced)).toBe(JSON.stringify(v.record.announcement));
    const rec = join(dir, `${engine}-r.json`);
    const d = run(["draw", ann, "--pool", url, ...common, "--entropy", v.record.entropy.value, "-o", rec]);
    expect(d.code, d.err).toBe(0);
    const record = JSON.parse(readFileSync(rec, "utf8"));
    expect(JSON.stringify(record)).toBe(JSON.stringify({ ...v.record, replacements: [] }));
    const ver = run(["verify", rec, "--pool", url, ...common]);
    expect(ver.code, ver.out + ver.err).toBe(0);
    expect(ver.out).toMatch(/checked against the pool in the database|按数据库中的名录库复核/);
    // The vector's own record (same pool, same announcement text) verifies too.
    writeFileSync(join(dir, "vec.json"), JSON.stringify(v.record));
    expect(run(["verify", join(dir, "vec.json"), "--pool", url, ...common]).code).toBe(0);
  }, 120_000);

  it("refuses a password in the URL and never prints a password from the environment", () => {
    const secret = "s3cret-不要打印";
    const inUrl = run(["manifest", "--pool", `postgres://u:${encodeURIComponent(secret)}@localhost/db`, "--table", "t", "--salt", v.salt]);
    expect(inUrl.code).toBe(2);
    expect(inUrl.out + inUrl.err).not.toContain(secret);
    expect(inUrl.out + inUrl.err).not.toContain(encodeURIComponent(secret));
    const unreachable = run(["manifest", "--pool", `postgres://nobody@/db?host=${encodeURIComponent(join(dir, "none"))}`, "--table", "t", "--salt", v.salt], { PGPASSWORD: secret });
    expect(unreachable.code).not.toBe(0);
    expect(unreachable.out + unreachable.err).not.toContain(secret);
    writeFileSync(join(dir, "pw"), `${secret}\n`);
    const fromFile = run(["manifest", "--pool", `mysql://nobody@localhost/db?socketPath=${encodeURIComponent(join(dir, "none"))}`, "--table", "t", "--salt", v.salt, "--db-password-file", join(dir, "pw")]);
    expect(fromFile.code).not.toBe(0);
    expect(fromFile.out + fromFile.err).not.toContain(secret);
  }, 60_000);
});
