// What the database sources share: the table/column mapping, identifier quoting, and the exclusion rules of
// draw-v1 §4.1 as one SQL CASE (the dialects differ only in quoting, parameters and a few functions).
import { formatIso, parseIso } from "../_internal/dates.js";
import { coreMessages } from "../messages/core.js";
import { drawMessages } from "../messages/draw.js";
import { sourceMessages } from "../messages/sources.js";
import type { OpenPool, PoolQuery } from "../draw/source.js";
import type { ExclusionCounts } from "../model/record.js";
import { type Issue, issueFactory } from "../result.js";

/** @internal */
export const issue = /* @__PURE__ */ issueFactory({ ...coreMessages, ...drawMessages, ...sourceMessages });

/**
 * Where the pool lives in the database, and how its columns read. Give `table` (a table or a view) or `query`.
 * Identifiers are quoted by the source; values (statuses, tiers, ids drawn earlier, dates) are always sent as
 * parameters. `query` is SQL written by the operator (never built from user input): a SELECT whose columns are
 * named by `columns`.
 * @public
 */
export interface PoolMapping {
  /** The table or view of the pool, `name` or `schema.name`. */
  readonly table?: string;
  /** A SELECT returning the pool (e.g. a join of the registry and the credit tiers). */
  readonly query?: string;
  /** Column names; `tier` or `status` null when the pool has no such column. Defaults `id`, `tier`, `status`. */
  readonly columns?: { readonly id?: string; readonly tier?: string | null; readonly status?: string | null };
  /** Status values that mean 存续 (active); NULL is active too. Default `["active"]`; e.g. `["存续", "在业"]`. */
  readonly activeStatus?: readonly string[];
  /**
   * Past inspections, for the `recentInspection` rule: a table with the entity id, the date (`date` type, or
   * `YYYY-MM-DD` text) and the item id. Defaults for the columns: `entity_id`, `date`, `item_id`.
   */
  readonly inspections?: { readonly table: string; readonly id?: string; readonly date?: string; readonly item?: string };
  /** Rows per fetch when ids are streamed (default 50,000): the memory bound on the Node side. */
  readonly fetchRows?: number;
  /** Where the 65,536-line chunk digests are computed: `database` (default) or `stream` (ids read and hashed in Node). */
  readonly digests?: "database" | "stream";
  /**
   * Look for duplicate ids with one GROUP BY over the pool (default true). Skipped by itself when `table` has a
   * unique index (or primary key) on the id column alone; turn off only when `id` is unique by constraint.
   */
  readonly checkDuplicates?: boolean;
}

/** A mapping with defaults applied, as SQL fragments. @internal */
export interface Resolved {
  readonly from: string;
  readonly id: string;
  readonly tier: string | null;
  readonly status: string | null;
  readonly inspections: { readonly table: string; readonly id: string; readonly date: string; readonly item: string } | null;
  readonly activeStatus: readonly string[];
  readonly fetchRows: number;
  readonly digests: "database" | "stream";
  readonly checkDuplicates: boolean;
  /** The table's name parts (`[schema, name]` or `[name]`) and the id column, unquoted: for the unique-index look-up. */
  readonly table: readonly string[] | null;
  readonly idColumn: string;
}

/** Quotes a possibly qualified identifier (`schema.name`) with `q` (`"` or a backtick), doubling it inside. @internal */
export function quoteName(name: string, q: string): string {
  return name.split(".").map((part) => `${q}${part.split(q).join(q + q)}${q}`).join(".");
}

/** Resolves a mapping, or the issues that make it unusable. @internal */
export function resolveMapping(m: PoolMapping, q: string): { resolved?: Resolved; issues: Issue[] } {
  const issues: Issue[] = [];
  const bad = (detail: string) => issues.push(issue("source_mapping_invalid", { detail }));
  if (typeof m !== "object" || m === null) return { issues: [issue("source_mapping_invalid", { detail: "a mapping object is required" })] };
  const name = (v: unknown, what: string): string => {
    if (typeof v !== "string" || v.length === 0 || v.includes("\u0000") || v.split(".").some((p) => p.length === 0)) bad(`${what} must be a non-empty name, found ${JSON.stringify(v)}`);
    return quoteName(String(v), q);
  };
  if ((m.table === undefined) === (m.query === undefined)) bad("give either table or query");
  const from = m.query !== undefined ? (typeof m.query === "string" && /^\s*(select|with)\b/i.test(m.query) ? `(${m.query}) AS dr_pool` : (bad("query must be a SELECT (or WITH … SELECT)"), "")) : name(m.table, "table");
  const c = m.columns ?? {};
  const id = name(c.id ?? "id", "columns.id");
  const tier = c.tier === null ? null : name(c.tier ?? "tier", "columns.tier");
  const status = c.status === null ? null : name(c.status ?? "status", "columns.status");
  const i = m.inspections;
  const inspections = i === undefined ? null : { table: name(i.table, "inspections.table"), id: name(i.id ?? "entity_id", "inspections.id"), date: name(i.date ?? "date", "inspections.date"), item: name(i.item ?? "item_id", "inspections.item") };
  const activeStatus = m.activeStatus ?? ["active"];
  if (!Array.isArray(activeStatus) || activeStatus.some((s) => typeof s !== "string")) bad("activeStatus must be a list of strings");
  const fetchRows = m.fetchRows ?? 50_000;
  if (!Number.isSafeInteger(fetchRows) || fetchRows < 1) bad("fetchRows must be an integer ≥ 1");
  const digests = m.digests ?? "database";
  if (digests !== "database" && digests !== "stream") bad(`digests must be "database" or "stream"`);
  if (issues.length > 0) return { issues };
  const table = typeof m.table === "string" ? m.table.split(".") : null;
  return { resolved: { from, id, tier, status, inspections, activeStatus, fetchRows, digests, checkDuplicates: m.checkDuplicates ?? true, table, idColumn: c.id ?? "id" }, issues };
}

/** Parameter placeholders of a dialect: `$1` (PostgreSQL) or `?` (MySQL), with the values in order. @internal */
export class Params {
  readonly values: unknown[] = [];
  constructor(private readonly style: "$" | "?") {}
  add(value: unknown): string {
    this.values.push(value);
    return this.style === "$" ? `$${this.values.length}` : "?";
  }
}

/** The SQL of a dialect for the pieces the sources build. @internal */
export interface Dialect {
  readonly q: string;
  /** Cast to text. */
  text(expr: string): string;
  /** `expr` is one of the values (a list parameter), compared in code point order (no case folding, no padding). */
  inList(expr: string, values: readonly string[], p: Params): string;
  /** Ids that cannot be in a manifest: empty or with a control character. */
  badId(expr: string, p: Params): string;
  /** The expression to compare a text by (byte-wise): itself in PostgreSQL, its binary cast in MySQL. */
  key(expr: string): string;
}

/** The first day (exclusive) of the recent-inspection window: asOf − withinDays. @internal */
export function cutoffOf(asOf: string, withinDays: number): string {
  const day = parseIso(asOf);
  return day === undefined ? asOf : formatIso(day - withinDays);
}

/**
 * The CTEs `p` (the pool as id, tier, status), `c` (each row with its exclusion reason — the first matching, in
 * §4.1's order — its stratum label and whether its id or tier is invalid) and `e` (the eligible: id, label).
 * @internal
 */
export function poolCtes(r: Resolved, query: PoolQuery, d: Dialect, p: Params): string {
  const rules = query.rules;
  const tierExpr = r.tier ? d.text(r.tier) : "NULL";
  const statusExpr = r.status ? d.text(r.status) : "NULL";
  const whens: string[] = [];
  if (r.status) whens.push(`WHEN status IS NOT NULL AND NOT (${d.inList("status", r.activeStatus, p)}) THEN 'inactive'`);
  if (rules.exemptTiers.length > 0) whens.push(`WHEN ${d.inList("tier", rules.exemptTiers, p)} THEN 'tier_exempt'`);
  if (query.drawnEarlier.length > 0) whens.push(`WHEN ${d.inList("id", query.drawnEarlier, p)} THEN 'drawn_earlier'`);
  const recent = rules.recentInspection;
  if (recent && r.inspections) {
    const i = r.inspections;
    whens.push(
      `WHEN EXISTS (SELECT 1 FROM ${i.table} dr_i WHERE ${d.key(d.text(`dr_i.${i.id}`))} = ${d.key("p.id")} AND (${d.key(d.text(`dr_i.${i.item}`))} = ${d.key(p.add(recent.itemId))}${recent.withoutItem === true ? ` OR dr_i.${i.item} IS NULL` : ""})` +
        ` AND ${d.text(`dr_i.${i.date}`)} > ${p.add(cutoffOf(recent.asOf, recent.withinDays))} AND ${d.text(`dr_i.${i.date}`)} <= ${p.add(recent.asOf)}) THEN 'recently_inspected'`,
    );
  }
  const reason = whens.length > 0 ? `CASE ${whens.join(" ")} END` : "NULL";
  const label = query.stratification === "tier" ? "COALESCE(tier, 'untiered')" : "'all'";
  return (
    `p AS (SELECT ${d.text(r.id)} AS id, ${tierExpr} AS tier, ${statusExpr} AS status FROM ${r.from}), ` +
    `c AS (SELECT id, tier, ${reason} AS reason, ${label} AS label, ${d.badId("id", p)} AS bad_id, ` +
    `(tier IS NOT NULL AND (CHAR_LENGTH(tier) <> 1 OR tier NOT IN ('A', 'B', 'C', 'D'))) AS bad_tier FROM p), ` +
    `e AS (SELECT id, label FROM c WHERE reason IS NULL)`
  );
}

/** The SELECT over `c` that gives counts per (reason, label) and the invalid rows. @internal */
export const COUNTS_SELECT =
  "SELECT reason, CASE WHEN reason IS NULL THEN label END AS label, COUNT(*) AS n, " +
  "SUM(CASE WHEN bad_id THEN 1 ELSE 0 END) AS bad_ids, MIN(CASE WHEN bad_id THEN COALESCE(id, '(null)') END) AS bad_id_example, " +
  "SUM(CASE WHEN bad_tier THEN 1 ELSE 0 END) AS bad_tiers, MIN(CASE WHEN bad_tier THEN tier END) AS bad_tier_example " +
  "FROM c GROUP BY reason, CASE WHEN reason IS NULL THEN label END";

/** One row of {@link COUNTS_SELECT}. @internal */
export interface CountRow {
  readonly reason: string | null;
  readonly label: string | null;
  readonly n: unknown;
  readonly bad_ids: unknown;
  readonly bad_id_example: string | null;
  readonly bad_tiers: unknown;
  readonly bad_tier_example: string | null;
}

/** Counts, strata and issues from the rows of {@link COUNTS_SELECT} (and of the duplicate look-up). @internal */
export function summarise(rows: readonly CountRow[], duplicates: readonly { id: string; n: unknown }[], query: PoolQuery, r: Resolved): {
  counts: ExclusionCounts;
  strata: { label: "A" | "B" | "C" | "D" | "untiered" | "all"; N: number }[];
  issues: Issue[];
} {
  const counts = { inactive: 0, tier_exempt: 0, drawn_earlier: 0, recently_inspected: 0 };
  const strata: { label: "A" | "B" | "C" | "D" | "untiered" | "all"; N: number }[] = [];
  const issues: Issue[] = [];
  let badIds = 0;
  let badTiers = 0;
  let idExample = "";
  let tierExample = "";
  for (const row of rows) {
    const n = Number(row.n);
    badIds += Number(row.bad_ids ?? 0);
    badTiers += Number(row.bad_tiers ?? 0);
    if (row.bad_id_example !== null && idExample === "") idExample = row.bad_id_example;
    if (row.bad_tier_example !== null && tierExample === "") tierExample = row.bad_tier_example;
    if (row.reason === null) strata.push({ label: row.label as "all", N: n });
    else counts[row.reason as keyof typeof counts] += n;
  }
  if (badIds > 0) issues.push(issue("source_entity_invalid", { count: badIds, field: "id", example: idExample, detail: "empty, or a control character" }));
  if (badTiers > 0) issues.push(issue("source_entity_invalid", { count: badTiers, field: "tier", example: tierExample, detail: "A, B, C, D or NULL" }));
  for (const d of duplicates) issues.push(issue("source_duplicate_id", { id: d.id, count: Number(d.n) }));
  if (query.rules.recentInspection && !r.inspections) issues.push(issue("source_mapping_invalid", { detail: "the recentInspection rule needs the inspections mapping (table, id, date, item)" }));
  return { counts, strata, issues };
}

/** The SELECT of ids that occur more than once (excluded rows included), at most 50. @internal */
export function duplicatesSql(key: string): string {
  return `SELECT MIN(id) AS id, COUNT(*) AS n FROM p GROUP BY ${key} HAVING COUNT(*) > 1 ORDER BY ${key} LIMIT 50`;
}

/** An opened pool that only carries the issues of an unusable mapping (nothing was connected). @internal */
export function unusable(issues: readonly Issue[]): Promise<OpenPool> {
  return Promise.resolve({
    counts: { inactive: 0, tier_exempt: 0, drawn_earlier: 0, recently_inspected: 0 },
    strata: [],
    issues,
    // eslint-disable-next-line require-yield
    async *ids() {},
    idsAt: () => Promise.resolve(new Map()),
    close: () => Promise.resolve(),
  });
}
