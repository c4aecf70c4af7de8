// Throw-away database servers for the source tests and the db benchmark: Debian's PostgreSQL and MariaDB,
// each in its own temp dir, listening on a unix socket only (no TCP), stopped and removed afterwards.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Server {
  /** Connection string (socket in a temp dir, no password). */
  readonly url: string;
  readonly socketDir: string;
  stop(): void;
}

const pgBin = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"].find((d) => existsSync(join(d, "initdb")));

/** Why a server cannot start here, or null. */
export function postgresMissing(): string | null {
  return pgBin ? null : "no PostgreSQL server binaries (apt-get install postgresql)";
}

export function mariadbMissing(): string | null {
  return existsSync("/usr/sbin/mariadbd") && existsSync("/usr/bin/mariadb-install-db") ? null : "no MariaDB server (apt-get install mariadb-server)";
}

const asUser = (user: string, cmd: string) =>
  process.getuid?.() === 0 ? execFileSync("su", [user, "-s", "/bin/sh", "-c", cmd], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) : execFileSync("/bin/sh", ["-c", cmd], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** Starts a PostgreSQL cluster (UTF-8, C.UTF-8 locale) in a temp dir; `settings` are extra `-c` options. */
export function startPostgres(settings: Record<string, string> = {}): Server {
  if (!pgBin) throw new Error(postgresMissing() as string);
  const dir = mkdtempSync(join(tmpdir(), "dr-pg-"));
  chmodSync(dir, 0o777);
  const user = process.getuid?.() === 0 ? "postgres" : (process.env.USER ?? "postgres");
  asUser("postgres", `${pgBin}/initdb -D ${dir}/data -E UTF8 --locale=C.UTF-8 -A trust -U ${user} >/dev/null`);
  const extra = Object.entries(settings).map(([k, v]) => ` -c ${k}=${v}`).join("");
  asUser("postgres", `${pgBin}/pg_ctl -D ${dir}/data -o "-c listen_addresses='' -k ${dir}${extra}" -l ${dir}/log -w start >/dev/null`);
  return {
    url: `postgres://${user}@/postgres?host=${encodeURIComponent(dir)}`,
    socketDir: dir,
    stop() {
      try {
        asUser("postgres", `${pgBin}/pg_ctl -D ${dir}/data -m immediate stop >/dev/null`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Starts mariadbd on a socket in a temp dir with its own datadir (never the system service). */
export async function startMariadb(settings: Record<string, string> = {}): Promise<Server> {
  const missing = mariadbMissing();
  if (missing) throw new Error(missing);
  const dir = mkdtempSync(join(tmpdir(), "dr-maria-"));
  chmodSync(dir, 0o777);
  const user = process.getuid?.() === 0 ? "mysql" : (process.env.USER ?? "mysql");
  const cnf = join(dir, "my.cnf");
  const lines = [
    "[mariadbd]", `datadir=${dir}/data`, `socket=${dir}/sock`, "skip-networking", `pid-file=${dir}/pid`, `log-error=${dir}/err.log`,
    "character-set-server=utf8mb4", "collation-server=utf8mb4_bin", "skip-log-bin", "innodb_buffer_pool_size=64M",
    ...Object.entries(settings).map(([k, v]) => `${k}=${v}`),
  ];
  writeFileSync(cnf, `${lines.join("\n")}\n`);
  chmodSync(cnf, 0o644);
  asUser(user, `mariadb-install-db --defaults-file=${cnf} --auth-root-authentication-method=normal --skip-test-db >/dev/null 2>&1`);
  const child: ChildProcess = spawn("/usr/sbin/mariadbd", [`--defaults-file=${cnf}`, ...(process.getuid?.() === 0 ? [`--user=${user}`] : [])], { stdio: "ignore", detached: false });
  const sock = join(dir, "sock");
  for (let k = 0; k < 300 && !existsSync(sock); k++) await new Promise((r) => setTimeout(r, 100));
  if (!existsSync(sock)) {
    child.kill("SIGKILL");
    throw new Error(`mariadbd did not start (see ${dir}/err.log)`);
  }
  return {
    url: `mysql://root@localhost/mysql?socketPath=${encodeURIComponent(sock)}`,
    socketDir: dir,
    stop() {
      child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
