// `--pool postgres://…` / `--pool mysql://…` (or a database URL where a pool file goes): the pool stays in the
// database and the commands run the …FromSource functions. The password comes from the environment (PGPASSWORD,
// MYSQL_PWD, or DOUBLE_RANDOM_DB_PASSWORD) or from --db-password-file, and is never printed.
import { createIssue, type Issue, type PoolSource } from "../../index.js";
import type { Parsed } from "../args.js";
import { readText } from "../io.js";

export const DB_OPTIONS = {
  pool: { type: "string" },
  table: { type: "string" },
  query: { type: "string" },
  "id-column": { type: "string" },
  "tier-column": { type: "string" },
  "status-column": { type: "string" },
  "region-column": { type: "string" },
  "attribute-column": { type: "string", multiple: true },
  "active-status": { type: "string" },
  "inspections-table": { type: "string" },
  digests: { type: "string" },
  "db-password-file": { type: "string" },
} as const;

export const DB_HELP = `  --pool postgres://用户@主机/库 | mysql://用户@主机/库   名录库在数据库中（不导出）the pool stays in a database
        --table 表或视图 | --query "SELECT …"         名录库的表/视图或查询 the table/view or query of the pool
        [--id-column id] [--tier-column tier|-] [--status-column status|-] [--active-status 存续,在业]
        [--inspections-table 表 (entity_id, date, item_id)] [--digests database|stream]
        [--region-column 行政区划代码]  按行政区划分层时读的列（默认 region_code）the region column (default region_code)
        [--attribute-column 行业=industry_code]  attribute:行业 读的列（默认与名称同名的列；可多次）
                                               the column attribute:<name> reads (default: the column of that name; repeatable)
        密码取自环境变量 PGPASSWORD / MYSQL_PWD / DOUBLE_RANDOM_DB_PASSWORD 或 --db-password-file（不写在 URL 中，不回显）
        the password comes from PGPASSWORD / MYSQL_PWD / DOUBLE_RANDOM_DB_PASSWORD or --db-password-file, never echoed`;

/** True when `text` names a database rather than a file. */
export function isDatabaseUrl(text: unknown): text is string {
  return typeof text === "string" && /^(postgres|postgresql|mysql|mariadb):\/\//i.test(text);
}

/**
 * The pool source named by --pool (or by `positional` when it is a database URL), or undefined when the pool is a
 * file. Problems go to `issues` (never with the password).
 */
export async function poolSourceOf(values: Parsed["values"], positional: string | undefined, issues: Issue[]): Promise<PoolSource | undefined> {
  // (verify's --pool also takes a file: only a database URL makes a source.)
  const given = isDatabaseUrl(values.pool) ? values.pool : isDatabaseUrl(positional) ? positional : undefined;
  if (given === undefined) return undefined;
  const mysqlFamily = /^(mysql|mariadb):/i.test(given);
  const credentials = /^[a-z]+:\/\/([^/@?]*)@/i.exec(given)?.[1] ?? "";
  if (credentials.includes(":")) {
    // Never in a URL (shell history, ps): say so, without the password.
    issues.push(createIssue("cli_bad_option", { option: "--pool", value: given.replace(/^([a-z]+:\/\/[^/@?:]*):[^@/?]*@/i, "$1:***@"), detail: { zh: "密码不要写在 URL 中：用环境变量 PGPASSWORD / MYSQL_PWD / DOUBLE_RANDOM_DB_PASSWORD 或 --db-password-file", en: "keep the password out of the URL: use PGPASSWORD / MYSQL_PWD / DOUBLE_RANDOM_DB_PASSWORD or --db-password-file" } }));
    return undefined;
  }
  let password: string | undefined = process.env.DOUBLE_RANDOM_DB_PASSWORD ?? (mysqlFamily ? process.env.MYSQL_PWD : process.env.PGPASSWORD);
  if (typeof values["db-password-file"] === "string") {
    const t = readText(values["db-password-file"]);
    if (!t.ok) {
      issues.push(...t.issues);
      return undefined;
    }
    password = t.value.split(/\r?\n/)[0] ?? "";
  }
  const column = (name: string) => (values[name] === "-" ? null : typeof values[name] === "string" ? (values[name] as string) : undefined);
  const attributes: Record<string, string> = {};
  const attributeValues = values["attribute-column"] as unknown as string[] | undefined;
  for (const text of attributeValues ?? []) {
    for (const pair of text.split(/[,，]/).filter((x) => x.trim() !== "")) {
      const m = /^\s*([^=]+?)\s*=\s*(\S.*?)\s*$/.exec(pair);
      if (!m) {
        issues.push(createIssue("cli_bad_option", { option: "--attribute-column", value: text, detail: { zh: "应为 名称=列名，如 行业=industry_code（名称与 --stratify attribute:名称 相同）", en: "name=column, e.g. 行业=industry_code (the name as in --stratify attribute:<name>)" } }));
        return undefined;
      }
      attributes[m[1] as string] = m[2] as string;
    }
  }
  const columns = {
    ...(column("id-column") ? { id: column("id-column") as string } : {}), ...(column("tier-column") !== undefined ? { tier: column("tier-column") } : {}),
    ...(column("status-column") !== undefined ? { status: column("status-column") } : {}), ...(typeof values["region-column"] === "string" ? { region: values["region-column"] } : {}),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
  };
  const digests = values.digests;
  if (digests !== undefined && digests !== "database" && digests !== "stream") {
    issues.push(createIssue("cli_bad_option", { option: "--digests", value: String(digests), detail: "database | stream" }));
    return undefined;
  }
  if ((typeof values.table === "string") === (typeof values.query === "string")) {
    issues.push(createIssue("cli_missing_argument", { argument: "--table | --query" }));
    return undefined;
  }
  const mapping = {
    ...(typeof values.table === "string" ? { table: values.table } : { query: values.query as string }),
    columns,
    ...(typeof values["active-status"] === "string" ? { activeStatus: values["active-status"].split(/[,，]/).map((s) => s.trim()).filter((s) => s !== "") } : {}),
    ...(typeof values["inspections-table"] === "string" ? { inspections: { table: values["inspections-table"] } } : {}),
    ...(digests ? { digests: digests as "database" | "stream" } : {}),
  };
  const connection = mysqlFamily ? given.replace(/^mariadb:/i, "mysql:") : given;
  const secret = password !== undefined && password !== "" ? { password } : {};
  if (mysqlFamily) return (await import("../../sources/mysql.js")).mysqlSource({ connection, ...mapping, ...secret });
  return (await import("../../sources/postgres.js")).postgresSource({ connection, ...mapping, ...secret });
}
