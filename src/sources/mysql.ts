// MySQL-family pool source (MySQL ≥ 8.0, MariaDB ≥ 10.6; TiDB and OceanBase in MySQL mode by their compatibility):
// the database applies the exclusions, orders ids by their UTF-8 bytes (CAST(id AS BINARY): code point order, with
// no case folding and no PAD SPACE), hashes the 65,536-line chunks with SHA2(GROUP_CONCAT(…), 256) and returns only
// the picked ids; all in one REPEATABLE READ READ ONLY transaction with a consistent snapshot. `mysql2` is an optional
// peer dependency.
import type { OpenPool, PoolQuery, PoolSource } from "../draw/source.js";
import type { StratumLabel } from "../draw/prepare.js";
import { COUNTS_SELECT, type CountRow, type Dialect, duplicatesSql, Params, type PoolMapping, poolCtes, resolveMapping, summarise, unusable } from "./mapping.js";

/** The part of a `mysql2` (callback API) connection the source uses. @public */
export interface MysqlConnectionLike {
  /** Runs one statement with `?` parameters; the rows come to the callback (or, without one, as a stream). */
  query(options: { sql: string; values?: unknown[] }, callback?: (err: Error | null, rows: unknown) => void): MysqlQueryLike;
}

/** A running `mysql2` query, whose rows can be read as a stream (with back-pressure). @public */
export interface MysqlQueryLike {
  /** The rows as an object-mode stream holding at most `highWaterMark` rows. */
  stream(options?: { highWaterMark?: number }): AsyncIterable<unknown>;
}

/** A connection taken from a `mysql2` pool. @public */
export interface MysqlPooledConnectionLike extends MysqlConnectionLike {
  /** Gives the connection back to the pool. */
  release(): void;
}

/** The part of a `mysql2` pool (callback API) the source uses: a connection is taken per open and released at close. @public */
export interface MysqlPoolLike {
  /** Takes a connection from the pool. */
  getConnection(callback: (err: Error | null, connection: MysqlPooledConnectionLike) => void): void;
}

/**
 * Options of {@link mysqlSource}: the connection and the {@link PoolMapping}.
 * @public
 */
export interface MysqlSourceOptions extends PoolMapping {
  /**
   * A connection string (`mysql://user@host/db`, or `mysql://user@localhost/db?socketPath=/run/mysqld/mysqld.sock`;
   * `mysql2` is imported then and the connection ended at close), a `mysql2` pool, or a `mysql2` connection (used as
   * is and left open). The callback API (`mysql2`, not `mysql2/promise`); a promise pool exposes it as `.pool`.
   */
  readonly connection: string | MysqlPoolLike | MysqlConnectionLike;
  /** The password, with a connection string (kept out of the URL, so never in a log or a message). */
  readonly password?: string;
}

const CONTROL = "[\\x{01}-\\x{1f}\\x{7f}-\\x{9f}]";
const DIALECT: Dialect = {
  q: "`",
  text: (x) => `CAST(${x} AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_bin`,
  inList: (x, values, p) => (values.length === 0 ? "FALSE" : `CAST(${x} AS BINARY) IN (${values.map((v) => `CAST(${p.add(v)} AS BINARY)`).join(", ")})`),
  badId: (x, p) => `(${x} IS NULL OR CHAR_LENGTH(${x}) = 0 OR ${x} REGEXP ${p.add(CONTROL)})`,
  key: (x) => `CAST(${x} AS BINARY)`,
  trim: (x, chars, p) => `REGEXP_REPLACE(${x}, ${p.add(`^[${chars}]+|[${chars}]+$`)}, '')`,
  matches: (x, pattern, p) => `${x} REGEXP ${p.add(pattern)}`,
  concat: (xs) => `CONCAT(${xs.join(", ")})`,
  jsonString: (x) => `JSON_QUOTE(${x})`,
};
const ORDER = "CAST(id AS BINARY)";

interface Session {
  run(sql: string, values?: unknown[]): Promise<unknown[]>;
  stream(sql: string, values: unknown[], rows: number): AsyncIterable<unknown>;
  end(): Promise<void>;
}

function sessionOf(c: MysqlConnectionLike, end: () => Promise<void>): Session {
  return {
    run: (sql, values = []) => new Promise((resolve, reject) => c.query({ sql, values }, (err, rows) => (err ? reject(err) : resolve(rows as unknown[])))),
    stream: (sql, values, rows) => c.query({ sql, values }).stream({ highWaterMark: rows }),
    end,
  };
}

async function connect(connection: MysqlSourceOptions["connection"], password: string | undefined): Promise<Session> {
  if (typeof connection === "string") {
    type Own = MysqlConnectionLike & { connect(cb: (e: Error | null) => void): void; end(cb: (e?: Error | null) => void): void };
    const mod = (await import("mysql2")) as unknown as { default?: { createConnection(o: object): Own } };
    const mysql = mod.default ?? (mod as unknown as NonNullable<typeof mod.default>);
    const c = mysql.createConnection({ uri: connection, charset: "utf8mb4", supportBigNumbers: true, bigNumberStrings: true, ...(password !== undefined ? { password } : {}) });
    await new Promise<void>((resolve, reject) => c.connect((e) => (e ? reject(e) : resolve())));
    return sessionOf(c, () => new Promise((resolve) => c.end(() => resolve())));
  }
  if (typeof (connection as MysqlPoolLike).getConnection === "function") {
    const c = await new Promise<MysqlPooledConnectionLike>((resolve, reject) => (connection as MysqlPoolLike).getConnection((e, x) => (e ? reject(e) : resolve(x))));
    return sessionOf(c, async () => c.release());
  }
  return sessionOf(connection as MysqlConnectionLike, async () => undefined);
}

/** Batches of `size` ids from a row stream. */
async function* batches(rows: AsyncIterable<unknown>, size: number): AsyncIterable<string[]> {
  let batch: string[] = [];
  for await (const row of rows) {
    batch.push((row as { id: string }).id);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * A {@link PoolSource} over a MySQL-family table, view or query. Each `open` runs in its own `REPEATABLE READ`,
 * `READ ONLY` transaction started `WITH CONSISTENT SNAPSHOT`: exclusion counts and stratum sizes in one pass, the
 * chunk digests per stratum in the database (or the ids streamed, `digests: "stream"`), the picked ids by canonical
 * index (`ROW_NUMBER() OVER (ORDER BY CAST(id AS BINARY))`). Identifiers are quoted, values parameterised.
 * @example
 * ```ts
 * const source = mysqlSource({ connection: "mysql://user@localhost/registry?socketPath=/run/mysqld/mysqld.sock",
 *   table: "entities", columns: { id: "uscc", tier: "credit_tier", status: "state" }, activeStatus: ["存续"] });
 * typeof source.open
 * //=> "function"
 * ```
 * @public
 */
export function mysqlSource(options: MysqlSourceOptions): PoolSource {
  return {
    async open(query: PoolQuery): Promise<OpenPool> {
      const { resolved, issues } = resolveMapping(options, DIALECT.q);
      if (!resolved) return unusable(issues);
      const session = await connect(options.connection, options.password);
      let done = false;
      const finish = async (ok: boolean) => {
        if (done) return;
        done = true;
        try {
          await session.run(ok ? "COMMIT" : "ROLLBACK");
        } finally {
          await session.end();
        }
      };
      try {
        // A chunk is 65,536 lines: let GROUP_CONCAT hold it whole (it truncates silently otherwise).
        await session.run("SET SESSION group_concat_max_len = 4294967295");
        await session.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        await session.run("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
        const ctes = (p: Params) => `WITH ${poolCtes(resolved, query, DIALECT, p)}`;
        const p0 = new Params("?");
        const rows = (await session.run(`${ctes(p0)} ${COUNTS_SELECT}`, p0.values)) as CountRow[];
        let dups: { id: string; n: unknown }[] = [];
        // A primary key or unique index on the id column alone already rules duplicates out (a unique index under any
        // collation is at least as strict as byte equality): no GROUP BY then.
        const t = resolved.table;
        let unique = false;
        if (t !== null && t.length <= 2) {
          const rows = (await session.run(
            "SELECT COUNT(*) AS u FROM information_schema.STATISTICS s WHERE s.TABLE_SCHEMA = COALESCE(?, DATABASE()) AND s.TABLE_NAME = ? AND s.NON_UNIQUE = 0 " +
              "AND s.COLUMN_NAME = ? AND s.SEQ_IN_INDEX = 1 AND s.SUB_PART IS NULL AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS o " +
              "WHERE o.TABLE_SCHEMA = s.TABLE_SCHEMA AND o.TABLE_NAME = s.TABLE_NAME AND o.INDEX_NAME = s.INDEX_NAME AND o.SEQ_IN_INDEX > 1)",
            [t.length === 2 ? t[0] : null, t[t.length - 1], resolved.idColumn],
          )) as { u: unknown }[];
          unique = Number(rows[0]?.u ?? 0) > 0;
        }
        if (resolved.checkDuplicates && !unique) {
          const p1 = new Params("?");
          dups = (await session.run(`${ctes(p1)} ${duplicatesSql(ORDER)}`, p1.values)) as { id: string; n: unknown }[];
        }
        const summary = summarise(rows, dups, query, resolved);
        const pool: OpenPool = {
          counts: summary.counts,
          strata: summary.strata,
          issues: summary.issues,
          ids(label: StratumLabel) {
            const p = new Params("?");
            const sql = `${ctes(p)} SELECT id FROM e WHERE CAST(label AS BINARY) = CAST(${p.add(label)} AS BINARY) ORDER BY ${ORDER}`;
            return batches(session.stream(sql, p.values, resolved.fetchRows), resolved.fetchRows);
          },
          async idsAt(label, indexes) {
            const out = new Map<number, string>();
            if (indexes.length === 0) return out;
            const p = new Params("?");
            const sql = `${ctes(p)}, r AS (SELECT id, ROW_NUMBER() OVER (ORDER BY ${ORDER}) AS idx FROM e WHERE CAST(label AS BINARY) = CAST(${p.add(label)} AS BINARY)) ` +
              `SELECT idx, id FROM r WHERE idx IN (${indexes.map((i) => p.add(i)).join(", ")})`;
            for (const row of (await session.run(sql, p.values)) as { idx: unknown; id: string }[]) out.set(Number(row.idx), row.id);
            return out;
          },
          close: () => finish(true),
        };
        if (resolved.digests === "database") {
          (pool as { chunkDigests?: OpenPool["chunkDigests"] }).chunkDigests = async (label, key) => {
            const p = new Params("?");
            const sql = `${ctes(p)}, r AS (SELECT id, (ROW_NUMBER() OVER (ORDER BY ${ORDER}) - 1) DIV 65536 AS chunk FROM e WHERE CAST(label AS BINARY) = CAST(${p.add(label)} AS BINARY)) ` +
              `SELECT chunk, UNHEX(SHA2(GROUP_CONCAT(CONCAT(id, ${p.add(`\t${key}\n`)}) ORDER BY ${ORDER} SEPARATOR ''), 256)) AS h FROM r GROUP BY chunk ORDER BY chunk`;
            return ((await session.run(sql, p.values)) as { h: Uint8Array }[]).map((r) => new Uint8Array(r.h));
          };
        }
        return pool;
      } catch (e) {
        await finish(false).catch(() => undefined);
        throw e;
      }
    },
  };
}

export { type PoolMapping } from "./mapping.js";
