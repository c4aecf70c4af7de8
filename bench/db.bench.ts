// Pools in a database (issue 14): announce, draw and verify 10^6 and 10^7 entities from PostgreSQL and MariaDB
// (throw-away servers from Debian's packages, on sockets in temp dirs) against the in-memory path on the same pool.
// Each (engine, N) runs in its own Node process so its peak RSS is its own. The rows are generated in SQL
// (generate_series / MariaDB's sequence engine), never from JS. Every run prints a hash of its record: the same
// hash from every engine is the byte-identity check at scale.
// `npm run bench -- db` (10^6 and 10^7), or `npx tsx bench/db.bench.ts [1e6] [--digests=stream] [--engines=pg,maria,mem]`.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import mysql from "mysql2/promise";
import pg from "pg";
import {
  announce, announceFromSource, diceEntropy, draw, drawFromSource, type DrawEntity, type PoolSource, type RiskTier, unwrap, verifyDraw,
  verifyDrawFromSource,
} from "../src/index.js";
import { mysqlSource } from "../src/sources/mysql.js";
import { postgresSource } from "../src/sources/postgres.js";
import { type Server, startMariadb, startPostgres } from "../test/sources/_servers.js";

const TIERS: readonly RiskTier[] = ["A", "B", "C", "D"];
const PER_TIER = 1000;
const SALT = "bench-salt-0123456789abcdef";
const DICE = "31415926535897932384";

/** Entity k of the pool: the same in JS and in both SQL dialects (a bijective hash keeps ids unique and unsorted). */
export function entity(k: number): DrawEntity {
  const h = Number((BigInt(k) * 2654435761n) % 4294967296n);
  return { id: `9141${String(h).padStart(10, "0")}${String(k % 10000).padStart(4, "0")}`, tier: TIERS[k % 4] as RiskTier, status: k % 100 === 0 ? "revoked" : "active" };
}
const PG_ROWS = (n: number) =>
  `SELECT '9141' || lpad(((g::bigint * 2654435761) % 4294967296)::text, 10, '0') || lpad((g % 10000)::text, 4, '0'), ` +
  `(ARRAY['A','B','C','D'])[g % 4 + 1], CASE WHEN g % 100 = 0 THEN 'revoked' ELSE 'active' END FROM generate_series(0, ${n - 1}) g`;
const MARIA_ROWS = (n: number) =>
  `SELECT CONCAT('9141', LPAD((seq * 2654435761) % 4294967296, 10, '0'), LPAD(seq % 10000, 4, '0')), ELT(seq % 4 + 1, 'A', 'B', 'C', 'D'), ` +
  `IF(seq % 100 = 0, 'revoked', 'active') FROM seq_0_to_${n - 1}`;

interface Run {
  engine: string;
  n: number;
  announceMs: number;
  drawMs: number;
  verifyMs: number;
  cpuMs: number;
  rssMb: number;
  record: string;
}

const input = { taskId: "BENCH", stratify: "tier" as const, salt: SALT, sizes: { A: PER_TIER, B: PER_TIER, C: PER_TIER, D: PER_TIER }, entropySource: { kind: "dice" as const, description: "bench" } };

async function child(engine: string, n: number, url: string, digests: "database" | "stream"): Promise<Run> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let t1: number;
  let t2: number;
  let record;
  if (engine === "mem") {
    const pool = Array.from({ length: n }, (_, k) => entity(k));
    const a = unwrap(announce({ ...input, pool }));
    t1 = performance.now();
    record = unwrap(draw(a.announcement, pool, unwrap(diceEntropy(DICE)), { salt: SALT }));
    t2 = performance.now();
    unwrap(verifyDraw(record, pool, { salt: SALT }));
  } else {
    const mapping = { table: `pool_${n}`, digests, checkDuplicates: true } as const;
    const source: PoolSource = engine === "pg" ? postgresSource({ connection: url, ...mapping }) : mysqlSource({ connection: url, ...mapping });
    const a = unwrap(await announceFromSource({ ...input, source }));
    t1 = performance.now();
    record = unwrap(await drawFromSource(a.announcement, source, unwrap(diceEntropy(DICE)), { salt: SALT }));
    t2 = performance.now();
    unwrap(await verifyDrawFromSource(record, source, { salt: SALT }));
  }
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const { library: _l, ...stable } = record;
  return {
    engine, n, announceMs: t1 - t0, drawMs: t2 - t1, verifyMs: t3 - t2, cpuMs: (cpu.user + cpu.system) / 1000,
    rssMb: process.resourceUsage().maxRSS / 1024, record: createHash("sha256").update(JSON.stringify(stable)).digest("hex").slice(0, 12),
  };
}

function spawnChild(engine: string, n: number, url: string, digests: string): Run {
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ["--import", "tsx", self, "--child", engine, String(n), url, digests], { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out.trim().split("\n").pop() as string) as Run;
}

const s = (ms: number) => (ms / 1000).toFixed(1);

export async function run(argv = process.argv.slice(2)): Promise<void> {
  const sizes = argv.filter((a) => /^\d+e\d+$/.test(a)).map(Number);
  const ns = sizes.length > 0 ? sizes : [1e6, 1e7];
  const digests = (argv.find((a) => a.startsWith("--digests="))?.slice(10) ?? "database") as "database" | "stream";
  const engines = (argv.find((a) => a.startsWith("--engines="))?.slice(10) ?? "mem,pg,maria").split(",");
  const runs: (Run & { loadMs: number })[] = [];
  let pgServer: Server | undefined;
  let maria: Server | undefined;
  try {
    if (engines.includes("mem")) for (const n of ns) runs.push({ ...spawnChild("mem", n, "", digests), loadMs: 0 });
    if (engines.includes("pg")) {
      pgServer = startPostgres({ shared_buffers: "512MB", work_mem: "128MB", maintenance_work_mem: "512MB", max_wal_size: "4GB", fsync: "off" });
      const c = new pg.Client({ connectionString: pgServer.url });
      await c.connect();
      for (const n of ns) {
        const t = performance.now();
        await c.query(`CREATE UNLOGGED TABLE pool_${n} (id text, tier text, status text); INSERT INTO pool_${n} ${PG_ROWS(n)}; ALTER TABLE pool_${n} ADD PRIMARY KEY (id); ANALYZE pool_${n}`);
        runs.push({ ...spawnChild("pg", n, pgServer.url, digests), loadMs: performance.now() - t });
        await c.query(`DROP TABLE pool_${n}`);
      }
      await c.end();
      pgServer.stop();
      pgServer = undefined;
    }
    if (engines.includes("maria")) {
      maria = await startMariadb({ innodb_buffer_pool_size: "1G", innodb_log_file_size: "512M", innodb_flush_log_at_trx_commit: "0", tmp_table_size: "256M", max_heap_table_size: "256M", sort_buffer_size: "64M" });
      const c = await mysql.createConnection({ uri: maria.url, multipleStatements: true });
      await c.query("CREATE DATABASE bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      const url = maria.url.replace("/mysql?", "/bench?");
      for (const n of ns) {
        const t = performance.now();
        await c.query(`USE bench; CREATE TABLE pool_${n} (id VARCHAR(32) PRIMARY KEY, tier CHAR(1), status VARCHAR(16)); INSERT INTO pool_${n} ${MARIA_ROWS(n)} ORDER BY 1; ANALYZE TABLE pool_${n}`);
        runs.push({ ...spawnChild("maria", n, url, digests), loadMs: performance.now() - t });
        await c.query(`DROP TABLE bench.pool_${n}`);
      }
      await c.end();
    }
  } finally {
    pgServer?.stop();
    maria?.stop();
  }
  const head = ["engine", "N", "load s", "announce s", "draw s", "verify s", "total s", "Node CPU s", "DB/wait s", "peak RSS MB", "record"];
  const rows = runs.map((r) => {
    const total = r.announceMs + r.drawMs + r.verifyMs;
    return [r.engine === "mem" ? "in-memory" : r.engine === "pg" ? `PostgreSQL (${digests})` : `MariaDB (${digests})`, r.n.toExponential(0), r.loadMs ? s(r.loadMs) : "-", s(r.announceMs), s(r.drawMs), s(r.verifyMs), s(total), s(r.cpuMs), s(Math.max(0, total - r.cpuMs)), r.rssMb.toFixed(0), r.record];
  });
  const all = [head, ...rows];
  const widths = head.map((_, j) => Math.max(...all.map((r) => (r[j] ?? "").length)));
  console.log(`picks: ${PER_TIER} per tier (4 tiers), 1% excluded (revoked); checkDuplicates on`);
  for (const r of all) console.log(r.map((c, j) => c.padStart(widths[j] as number)).join("  "));
  for (const engine of ["mem", "pg", "maria"]) {
    const small = runs.find((r) => r.engine === engine && r.n === 1e6);
    const big = runs.find((r) => r.engine === engine && r.n === 1e7);
    if (small && big) {
      const t = (r: Run) => r.announceMs + r.drawMs + r.verifyMs;
      console.log(`${engine}: growth 10^6 → 10^7 ${(t(big) / t(small)).toFixed(1)}× in time, ${(big.rssMb / small.rssMb).toFixed(2)}× in peak RSS`);
    }
  }
  const hashes = new Set(runs.map((r) => `${r.n}:${r.record}`));
  console.log(`records byte-identical across engines: ${[...new Set(runs.map((r) => r.n))].every((n) => [...hashes].filter((h) => h.startsWith(`${n}:`)).length === 1) ? "yes" : "NO"}`);
}

if (process.argv[2] === "--child") {
  const [, engine, n, url, digests] = process.argv.slice(2);
  console.log(JSON.stringify(await child(engine as string, Number(n), url as string, digests as "database" | "stream")));
} else if (fileURLToPath(import.meta.url) === process.argv[1]) {
  await run();
}
