// The pool in a database (PostgreSQL or MariaDB): the sample 焦作 pool goes into a table `entities` (and its past
// inspections into `inspections`), then the draw is announced, drawn and verified from the database — only counts,
// chunk digests and the picked rows leave it — and compared with the same draw from the array in memory.
// Run by examples/database/run.sh, which starts and stops a throw-away server.
import { readFileSync } from "node:fs";
import mysql from "mysql2/promise";
import pg from "pg";
import {
  announce, announceFromSource, draw, drawFromSource, type DrawEntity, lotteryEntropy, parseEntityPoolCsv, parseQuota, parseTierPolicy,
  type PoolSource, unwrap, verifyDrawFromSource,
} from "../../src/index.js";
import { mysqlSource } from "../../src/sources/mysql.js";
import { postgresSource } from "../../src/sources/postgres.js";

const url = process.argv[2] ?? "";
const en = process.argv.includes("--lang") && process.argv[process.argv.indexOf("--lang") + 1] === "en";
const say = (zh: string, english: string) => console.log(en ? english : zh);
const item = "娱乐场所治安管理监督检查";
const entities = unwrap(parseEntityPoolCsv(readFileSync(new URL("../data/jiaozuo-entertainment-pool.csv", import.meta.url), "utf8")));
const pool: DrawEntity[] = entities.map((e) => ({ ...e, inspections: e.inspections.map((i) => ({ ...i, itemId: i.itemId ?? item })) }));
const rows = pool.map((e) => [e.id, e.tier ?? null, e.status ?? "active"]);
const visits = pool.flatMap((e) => (e.inspections ?? []).map((i) => [e.id, i.date, i.itemId ?? item]));

let source: PoolSource;
if (url.startsWith("postgres")) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("DROP TABLE IF EXISTS entities, inspections; CREATE TABLE entities (uscc text PRIMARY KEY, tier text, status text); CREATE TABLE inspections (entity_id text, date date, item_id text)");
  await c.query("INSERT INTO entities SELECT * FROM unnest($1::text[], $2::text[], $3::text[])", [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])]);
  await c.query("INSERT INTO inspections SELECT * FROM unnest($1::text[], $2::date[], $3::text[])", [visits.map((r) => r[0]), visits.map((r) => r[1]), visits.map((r) => r[2])]);
  await c.end();
  source = postgresSource({ connection: url, table: "entities", columns: { id: "uscc" }, inspections: { table: "inspections" } });
} else {
  const c = await mysql.createConnection({ uri: url, multipleStatements: true });
  await c.query("CREATE DATABASE IF NOT EXISTS demo CHARACTER SET utf8mb4 COLLATE utf8mb4_bin; USE demo; DROP TABLE IF EXISTS entities, inspections; CREATE TABLE entities (uscc VARCHAR(32) PRIMARY KEY, tier CHAR(1), status VARCHAR(16)); CREATE TABLE inspections (entity_id VARCHAR(32), date DATE, item_id VARCHAR(64))");
  await c.query("INSERT INTO entities VALUES ?", [rows]);
  if (visits.length > 0) await c.query("INSERT INTO inspections VALUES ?", [visits]);
  await c.end();
  source = mysqlSource({ connection: url.replace("/mysql?", "/demo?"), table: "entities", columns: { id: "uscc" }, inspections: { table: "inspections" } });
}
say(`名录库已写入数据库：${pool.length} 户（${url.split(":")[0]}）`, `Pool loaded into the database: ${pool.length} entities (${url.split(":")[0]})`);

const salt = "焦作公安-2023上半年-示例盐值-请用随机串";
const input = {
  taskId: "JZ-2023-GA-07", taskName: item, stratify: "tier" as const, salt,
  allocation: { policy: unwrap(parseTierPolicy("A类×1/2；B类×1；C类×2；D类全部")), base: unwrap(parseQuota("每半年3%")) },
  exclusions: { recentInspection: { itemId: item, asOf: "2023-06-01", withinDays: 365 } },
  entropySource: { kind: "lottery" as const, description: "中国福利彩票双色球 2023-06-01 开奖号码（红球、蓝球）" },
};
const a = unwrap(await announceFromSource({ ...input, source }));
say(`抽取公告：名录库摘要 ${a.announcement.manifestDigest.slice(0, 16)}…，${a.announcement.strata.map((s) => `${s.key} ${s.n}/${s.N}`).join("，")}`,
  `Announcement: manifest digest ${a.announcement.manifestDigest.slice(0, 16)}…, ${a.announcement.strata.map((s) => `${s.key} ${s.n}/${s.N}`).join(", ")}`);
const entropy = unwrap(lotteryEntropy([{ name: "红球", numbers: [3, 9, 14, 22, 27, 31] }, { name: "蓝球", numbers: [8] }]));
const record = unwrap(await drawFromSource(a.announcement, source, entropy, { salt }));
say(`从数据库抽中 ${record.selections.length} 户：${record.selections.map((s) => s.id).join(" ")}`, `Drawn from the database, ${record.selections.length} entities: ${record.selections.map((s) => s.id).join(" ")}`);
const verified = await verifyDrawFromSource(record, source, { salt });
say(`按数据库复核：${verified.ok ? "通过" : "未通过"}`, `Verified against the database: ${verified.ok ? "ok" : "FAILED"}`);

const memory = unwrap(draw(unwrap(announce({ ...input, pool })).announcement, pool, entropy, { salt }));
const same = JSON.stringify(memory) === JSON.stringify(record);
say(`与内存中抽取的记录逐字节相同：${same ? "是" : "否"}`, `Byte-identical to the in-memory record: ${same ? "yes" : "no"}`);
if (!verified.ok || !same) process.exitCode = 1;
