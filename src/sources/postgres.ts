// PostgreSQL-family pool source (PostgreSQL ≥ 11; openGauss, KingbaseES, 瀚高 by their PostgreSQL compatibility):
// the database applies the exclusions, orders ids with COLLATE "C" (code point order on a UTF-8 database), hashes
// the 65,536-line chunks with sha256() and returns only the picked ids; all in one REPEATABLE READ READ ONLY
// transaction, so the manifest and the picks see one snapshot. `pg` is an optional peer dependency.
import type { OpenPool, PoolQuery, PoolSource } from "../draw/source.js";
import type { StratumLabel } from "../draw/prepare.js";
import { COUNTS_SELECT, type CountRow, type Dialect, duplicatesSql, Params, type PoolMapping, poolCtes, resolveMapping, summarise, unusable } from "./mapping.js";

/** The part of a `pg` client the source uses (a `pg.Client`, or a client checked out of a `pg.Pool`). @public */
export interface PgClientLike {
  /** Runs one statement with `$1`-style parameters. */
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** A client checked out of a `pg.Pool`. @public */
export interface PgPooledClientLike extends PgClientLike {
  /** Gives the client back to the pool (destroys it when given `true` or an error). */
  release(err?: boolean | Error): void;
}

/** The part of a `pg.Pool` the source uses: a client is checked out per open and released at close. @public */
export interface PgPoolLike {
  /** Checks a client out of the pool. */
  connect(): Promise<PgPooledClientLike>;
}

/**
 * Options of {@link postgresSource}: the connection and the {@link PoolMapping}.
 * @public
 */
export interface PostgresSourceOptions extends PoolMapping {
  /**
   * A connection string (`postgres://user@host/db`; `pg` is imported then, and the connection ended at close), a
   * `pg.Pool`, or a connected `pg.Client` (used as is and left open).
   */
  readonly connection: string | PgPoolLike | PgClientLike;
  /** The password, with a connection string (kept out of the URL, so never in a log or a message). */
  readonly password?: string;
}

const DIALECT: Dialect = {
  q: '"',
  text: (x) => `(${x})::text`,
  inList: (x, values, p) => (values.length === 0 ? "FALSE" : `${x} = ANY(${p.add(values)}::text[])`),
  badId: (x) => `(${x} IS NULL OR ${x} = '' OR ${x} ~ '[\\u0001-\\u001f\\u007f-\\u009f]')`,
  key: (x) => x,
  trim: (x, chars, p) => `btrim(${x}, ${p.add(chars)})`,
  matches: (x, pattern, p) => `${x} ~ ${p.add(pattern)}`,
  concat: (xs) => `(${xs.join(" || ")})`,
  // to_json escapes a text as JSON.stringify does: \" \\ \b \f \n \r \t, other controls as \u00xx (lower case).
  jsonString: (x) => `to_json(${x})::text`,
};
const ORDER = `id COLLATE "C"`;

interface Session {
  readonly client: PgClientLike;
  end(ok: boolean): Promise<void>;
}

async function connect(connection: PostgresSourceOptions["connection"], password: string | undefined): Promise<Session> {
  if (typeof connection === "string") {
    const pg = (await import("pg")) as unknown as { default?: { Client: new (o: object) => PgClientLike & { connect(): Promise<void>; end(): Promise<void> } } };
    const Client = (pg.default ?? (pg as unknown as NonNullable<typeof pg.default>)).Client;
    const client = new Client({ connectionString: connection, ...(password !== undefined ? { password } : {}) });
    await client.connect();
    return { client, end: () => client.end() };
  }
  if (typeof (connection as PgPoolLike).connect === "function" && typeof (connection as PgClientLike).query === "function" && "totalCount" in connection) {
    const client = await (connection as PgPoolLike).connect();
    return { client, end: async (ok) => client.release(ok ? undefined : true) };
  }
  if (typeof (connection as PgClientLike).query === "function") return { client: connection as PgClientLike, end: async () => undefined };
  const client = await (connection as PgPoolLike).connect();
  return { client, end: async (ok) => client.release(ok ? undefined : true) };
}

let cursors = 0;

/**
 * A {@link PoolSource} over a PostgreSQL table, view or query. Each `open` runs in its own
 * `REPEATABLE READ READ ONLY` transaction: exclusion counts and stratum sizes in one pass, the chunk digests per
 * stratum in the database (or the ids streamed through a cursor, `digests: "stream"`), the picked ids by
 * canonical index (`row_number() OVER (ORDER BY id COLLATE "C")`). Identifiers are quoted, values parameterised.
 * @example
 * ```ts
 * const source = postgresSource({ connection: "postgres://user@/db?host=/run/postgresql", table: "registry.entities",
 *   columns: { id: "uscc", tier: "credit_tier", status: "state" }, activeStatus: ["存续"] });
 * typeof source.open
 * //=> "function"
 * ```
 * @public
 */
export function postgresSource(options: PostgresSourceOptions): PoolSource {
  return {
    async open(query: PoolQuery): Promise<OpenPool> {
      const { resolved, issues } = resolveMapping(options, DIALECT.q);
      if (!resolved) return unusable(issues);
      const session = await connect(options.connection, options.password);
      const { client } = session;
      let done = false;
      const finish = async (ok: boolean) => {
        if (done) return;
        done = true;
        try {
          await client.query(ok ? "COMMIT" : "ROLLBACK");
        } finally {
          await session.end(ok);
        }
      };
      try {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        await client.query("SET LOCAL datestyle = 'ISO, YMD'");
        const ctes = (p: Params) => `WITH ${poolCtes(resolved, query, DIALECT, p)}`;
        const p0 = new Params("$");
        const rows = (await client.query(`${ctes(p0)} ${COUNTS_SELECT}`, p0.values)).rows as CountRow[];
        let dups: { id: string; n: unknown }[] = [];
        // A primary key or unique index on the id column alone already rules duplicates out: no GROUP BY then.
        // (In a savepoint: a PostgreSQL-family engine without to_regclass or indnkeyatts just runs the GROUP BY.)
        let unique = false;
        if (resolved.checkDuplicates && resolved.table !== null) {
          await client.query("SAVEPOINT dr_unique");
          try {
            unique = ((await client.query(
              "SELECT EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] " +
                "WHERE i.indrelid = to_regclass($1) AND i.indisunique AND i.indnkeyatts = 1 AND i.indpred IS NULL AND i.indexprs IS NULL AND a.attname = $2) AS u",
              [resolved.from, resolved.idColumn],
            )).rows[0] as { u: boolean }).u;
            await client.query("RELEASE SAVEPOINT dr_unique");
          } catch {
            await client.query("ROLLBACK TO SAVEPOINT dr_unique");
          }
        }
        if (resolved.checkDuplicates && !unique) {
          const p1 = new Params("$");
          dups = (await client.query(`${ctes(p1)} ${duplicatesSql(`id COLLATE "C"`)}`, p1.values)).rows as { id: string; n: unknown }[];
        }
        const summary = summarise(rows, dups, query, resolved);
        const pool: OpenPool = {
          counts: summary.counts,
          strata: summary.strata,
          issues: summary.issues,
          async *ids(label: StratumLabel) {
            const p = new Params("$");
            const name = `dr_ids_${++cursors}`;
            await client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${ctes(p)} SELECT id FROM e WHERE label = ${p.add(label)} ORDER BY ${ORDER}`, p.values);
            try {
              for (;;) {
                const batch = (await client.query(`FETCH FORWARD ${resolved.fetchRows} FROM ${name}`)).rows as { id: string }[];
                if (batch.length === 0) break;
                yield batch.map((r) => r.id);
              }
            } finally {
              await client.query(`CLOSE ${name}`);
            }
          },
          async idsAt(label, indexes) {
            const p = new Params("$");
            const sql = `${ctes(p)}, r AS (SELECT id, row_number() OVER (ORDER BY ${ORDER}) AS idx FROM e WHERE label = ${p.add(label)}) ` +
              `SELECT idx, id FROM r WHERE idx = ANY(${p.add(indexes.map(String))}::bigint[])`;
            const out = new Map<number, string>();
            for (const row of (await client.query(sql, p.values)).rows as { idx: string; id: string }[]) out.set(Number(row.idx), row.id);
            return out;
          },
          close: () => finish(true),
        };
        if (resolved.digests === "database") {
          (pool as { chunkDigests?: OpenPool["chunkDigests"] }).chunkDigests = async (label, key) => {
            const p = new Params("$");
            const sql = `${ctes(p)}, r AS (SELECT id, (row_number() OVER (ORDER BY ${ORDER}) - 1) / 65536 AS chunk FROM e WHERE label = ${p.add(label)}) ` +
              `SELECT chunk, sha256(convert_to(string_agg(id || E'\\t' || ${p.add(key)}::text || E'\\n', '' ORDER BY ${ORDER}), 'UTF8')) AS h FROM r GROUP BY chunk ORDER BY chunk`;
            return ((await client.query(sql, p.values)).rows as { h: Uint8Array }[]).map((r) => new Uint8Array(r.h));
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
