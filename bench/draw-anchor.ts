// The anchor of the draw benchmark (issue 16): what portals do today, `SELECT id FROM pool WHERE tier = ? ORDER BY
// RAND() LIMIT k` per tier, on a private MariaDB (Debian's package, installed with apt-get when missing, as .ci/run
// does) holding the same pool in an indexed InnoDB table, on a unix socket in a temp dir. Unverifiable, and the bar.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mysql from "mysql2/promise";
import type { DrawEntity } from "../src/index.js";
import { mariadbMissing, type Server, startMariadb } from "../test/sources/_servers.js";

/** What one run of the four per-tier queries cost: wall time, and CPU time of the server plus this client. */
export interface AnchorRun {
  readonly rows: number;
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** A loaded anchor: `orderByRand(perTier)` runs the four per-tier queries. */
export interface Anchor {
  readonly version: string;
  readonly loadMs: number;
  orderByRand(perTier: number): Promise<AnchorRun>;
  close(): Promise<void>;
}

function ensureMariadb(): void {
  if (mariadbMissing() === null) return;
  if (process.getuid?.() !== 0) throw new Error(`${mariadbMissing()} (not root: install it, then re-run)`);
  console.log("  installing mariadb-server with apt-get (as .ci/run does) …");
  execFileSync("apt-get", ["update"], { stdio: "ignore" });
  execFileSync("apt-get", ["install", "-y", "mariadb-server"], { stdio: "ignore", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (mariadbMissing() !== null) throw new Error(mariadbMissing() as string);
}

/** Starts MariaDB and loads `pool` into `pool(id VARCHAR(32) PRIMARY KEY, tier CHAR(1), KEY(tier))`. */
export async function startAnchor(pool: readonly DrawEntity[]): Promise<Anchor> {
  ensureMariadb();
  // The buffer pool holds the whole table (a portal's server has its pool in memory); everything else as shipped.
  // Its own tmpdir: files of the filesort must not share /tmp with other jobs on this machine.
  const scratch = mkdtempSync(join(tmpdir(), "dr-anchor-tmp-"));
  chmodSync(scratch, 0o777);
  let server: Server;
  try {
    server = await startMariadb({ innodb_buffer_pool_size: "256M", innodb_flush_log_at_trx_commit: "0", tmpdir: scratch });
  } catch (e) {
    rmSync(scratch, { recursive: true, force: true });
    throw e;
  }
  // The server's CPU time (user + system, all its threads) from /proc: robust where wall time is not (shared cores).
  // mariadbd writes its pid file a moment after the socket appears.
  const pidFile = join(server.socketDir, "pid");
  for (let k = 0; k < 100 && !existsSync(pidFile); k++) await new Promise((r) => setTimeout(r, 100));
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  const tick = 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
  const serverCpuMs = () => {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * tick;
  };
  const clientCpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let c: mysql.Connection | undefined;
  try {
    c = await mysql.createConnection({ uri: server.url, multipleStatements: true });
    const t = performance.now();
    await c.query("CREATE DATABASE anchor CHARACTER SET utf8mb4 COLLATE utf8mb4_bin; USE anchor; CREATE TABLE pool (id VARCHAR(32) NOT NULL PRIMARY KEY, tier CHAR(1) NOT NULL, KEY by_tier (tier)) ENGINE=InnoDB");
    for (let start = 0; start < pool.length; start += 20_000) {
      const rows = pool.slice(start, start + 20_000).map((e) => [e.id, e.tier ?? "U"]);
      await c.query("INSERT INTO pool (id, tier) VALUES ?", [rows]);
    }
    await c.query("ANALYZE TABLE pool");
    const loadMs = performance.now() - t;
    const [[{ v }]] = (await c.query("SELECT VERSION() AS v")) as unknown as [[{ v: string }]];
    const conn = c;
    const tiers = [...new Set(pool.map((e) => e.tier ?? "U"))].sort();
    const anchor: Anchor = {
      version: v,
      loadMs,
      async orderByRand(perTier) {
        let read = 0;
        const t = performance.now();
        const cpu = serverCpuMs() + clientCpuMs();
        for (const tier of tiers) {
          const [rows] = (await conn.query("SELECT id FROM pool WHERE tier = ? ORDER BY RAND() LIMIT ?", [tier, perTier])) as unknown as [{ id: string }[]];
          read += rows.length;
        }
        return { rows: read, wallMs: performance.now() - t, cpuMs: serverCpuMs() + clientCpuMs() - cpu };
      },
      async close() {
        await conn.end();
        server.stop();
        rmSync(scratch, { recursive: true, force: true });
      },
    };
    await anchor.orderByRand(perTierOf(pool.length)); // warm the buffer pool
    return anchor;
  } catch (e) {
    await c?.end().catch(() => undefined);
    server.stop();
    rmSync(scratch, { recursive: true, force: true });
    throw e;
  }
}

/** 5% of a quarter of the pool: the per-tier size of the benchmark. */
export function perTierOf(n: number): number {
  return Math.round(n / 4 / 20);
}
