// The command line with the 晋城 hotels in PostgreSQL and MariaDB (real servers, the built dist/cli.js): a tier×region
// draw with --region-column, sized by --quota and --min-per-stratum, gives the announcement and record the pool file
// gives, byte for byte, and verifies from the database; --attribute-column maps an attribute:<name> to its column.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEntityPoolCsv, unwrap } from "../../src/index.js";
import { useMariadb, usePostgres } from "./_databases.js";
import { requireBuiltCli, runCli } from "../_internal/cli.js";

const root = new URL("../../", import.meta.url).pathname;
const file = join(root, "examples/jincheng/hotels-pool.csv");
const salt = "晋城卫健2023盐值-c41d9e07b2";
const pgdb = usePostgres("the database CLI strata tests");
const maria = useMariadb("the database CLI strata tests", "dr");
let dir = "";

beforeAll(async () => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), "dr-cli-strata-db-"));
  // The registry export as a database table: Chinese column names, the status as the registry writes it.
  const csv = readFileSync(file, "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
  const rows = csv.map((c) => [c[0], c[6] === "" ? null : c[6], c[7], c[3], c[5]]);
  expect(rows.length).toBe(unwrap(parseEntityPoolCsv(readFileSync(file, "utf8"))).length);
  const c = pgdb.client;
  await c.query("CREATE TABLE 旅馆 (统一社会信用代码 text PRIMARY KEY, 信用风险分类 text, 登记状态 text, 行政区划代码 text, 所属行业 text)");
  await c.query("INSERT INTO 旅馆 SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])", [0, 1, 2, 3, 4].map((k) => rows.map((r) => r[k])));
  const m = maria.connection;
  await m.query("CREATE TABLE 旅馆 (统一社会信用代码 VARCHAR(18) PRIMARY KEY, 信用风险分类 CHAR(1), 登记状态 VARCHAR(8), 行政区划代码 CHAR(6), 所属行业 VARCHAR(16))");
  await m.query("INSERT INTO 旅馆 VALUES ?", [rows]);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[]) => runCli(args);

describe("double-random region strata with --pool postgres://… and mysql://…", () => {
  const columns = ["--table", "旅馆", "--id-column", "统一社会信用代码", "--tier-column", "信用风险分类", "--status-column", "登记状态", "--active-status", "存续", "--region-column", "行政区划代码"];
  const sizing = ["--task-id", "JC-2023-旅馆业", "--salt", salt, "--stratify", "tier×region", "--quota", "不低于30%", "--min-per-stratum", "3", "--entropy-source", "lottery:双色球2023年5月4日开奖号码"];
  const entropy = ["--entropy", "lottery:2.9.14.21.27.33./6./"];

  it.each(["postgres", "mariadb"] as const)("tier×region from %s: the file's announcement and record, verified from the database", (engine) => {
    const url = engine === "postgres" ? pgdb.server.url : maria.url;
    const fa = join(dir, `${engine}-file-a.json`);
    const da = join(dir, `${engine}-db-a.json`);
    const f = run(["announce", file, ...sizing, "-o", fa]);
    expect(f.code, f.err).toBe(0);
    const d = run(["announce", "--pool", url, ...columns, ...sizing, "-o", da]);
    expect(d.code, d.err).toBe(0);
    expect(readFileSync(da, "utf8")).toBe(readFileSync(fa, "utf8"));
    // The same allocation table from the database.
    expect(d.err).toContain("合计 111 户");
    const fr = join(dir, `${engine}-file-r.json`);
    const dr = join(dir, `${engine}-db-r.json`);
    expect(run(["draw", fa, file, "--salt", salt, ...entropy, "-o", fr]).code).toBe(0);
    const drawn = run(["draw", da, "--pool", url, ...columns, "--salt", salt, ...entropy, "-o", dr]);
    expect(drawn.code, drawn.err).toBe(0);
    expect(readFileSync(dr, "utf8")).toBe(readFileSync(fr, "utf8"));
    const v = run(["verify", fr, "--pool", url, ...columns, "--salt", salt]);
    expect(v.code, v.out + v.err).toBe(0);
    expect(v.out).toContain("按信用风险分类×县级行政区划分层");
  }, 120_000);

  it("--attribute-column maps attribute:行业 to the database's column", () => {
    const m = run(["manifest", "--pool", pgdb.server.url, ...columns, "--attribute-column", "行业=所属行业", "--salt", salt, "--stratify", "attribute:行业", "--format", "json"]);
    expect(m.code, m.err).toBe(0);
    const fromFile = run(["manifest", file, "--salt", salt, "--stratify", "attribute:行业", "--format", "json"]);
    expect(JSON.parse(m.out).digest).toBe(JSON.parse(fromFile.out).digest);
    const bad = run(["manifest", "--pool", pgdb.server.url, ...columns, "--attribute-column", "行业", "--salt", salt, "--stratify", "attribute:行业"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("应为 名称=列名");
  }, 60_000);
});
