// A throw-away database server for one test file, for vitest: started in beforeAll, stopped in afterAll. A missing
// server fails the file — CI installs PostgreSQL and MariaDB (.ci/run), so these tests are never skipped.
// (The servers themselves are in _servers.ts, which the benchmarks use without vitest.)
import mysql from "mysql2/promise";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { mariadbMissing, postgresMissing, type Server, startMariadb, startPostgres } from "./_servers.js";

const started = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`${what} is not started (read it inside a test, after beforeAll)`);
  return value;
};

/** A PostgreSQL server and a connected client, for the tests of one file (`who` names them in the failure). */
export function usePostgres(who: string): { readonly server: Server; readonly client: pg.Client } {
  let server: Server | undefined;
  let client: pg.Client | undefined;
  beforeAll(async () => {
    const why = postgresMissing();
    if (why) throw new Error(`${who} need a PostgreSQL server: ${why}`);
    server = startPostgres();
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
  }, 60_000);
  afterAll(async () => {
    await client?.end();
    server?.stop();
  });
  return {
    get server() { return started(server, "PostgreSQL"); },
    get client() { return started(client, "the PostgreSQL client"); },
  };
}

/**
 * A MariaDB server and a connection (utf8mb4, several statements a query), for the tests of one file; with `database`,
 * that database is created (utf8mb4_bin) and used, and `url` connects to it.
 */
export function useMariadb(who: string, database?: string): { readonly server: Server; readonly connection: mysql.Connection; readonly url: string } {
  let server: Server | undefined;
  let connection: mysql.Connection | undefined;
  beforeAll(async () => {
    const why = mariadbMissing();
    if (why) throw new Error(`${who} need a MariaDB server: ${why}`);
    server = await startMariadb();
    connection = await mysql.createConnection({ uri: server.url, charset: "utf8mb4", multipleStatements: true });
    if (database !== undefined) await connection.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin; USE ${database}`);
  }, 120_000);
  afterAll(async () => {
    await connection?.end();
    server?.stop();
  });
  return {
    get server() { return started(server, "MariaDB"); },
    get connection() { return started(connection, "the MariaDB connection"); },
    get url() { return database === undefined ? started(server, "MariaDB").url : started(server, "MariaDB").url.replace("/mysql?", `/${database}?`); },
  };
}
