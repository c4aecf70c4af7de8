// What the database sources share: the table/column mapping, identifier quoting, and the exclusion rules of
// draw-v1 §4.1 as one SQL CASE (the dialects differ only in quoting, parameters and a few functions).
import { formatIso, parseIso } from "../_internal/dates.js";
import { coreMessages } from "../messages/core.js";
import { drawMessages } from "../messages/draw.js";
import { sourceMessages } from "../messages/sources.js";
import type { OpenPool, PoolQuery } from "../draw/source.js";
import { stratifier, type StratumLabel, type StratumPart } from "../draw/strata.js";
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
  /**
   * Column names; `tier` or `status` null when the pool has no such column. Defaults `id`, `tier`, `status`.
   * `region` (the 6-digit 行政区划代码, default `region_code`) is read only by `region:<level>` stratifications;
   * `attributes` maps the name of an `attribute:<name>` stratification to its column (default: the column named
   * `<name>`). Labels are computed in SQL as draw-v1 §12 says.
   */
  readonly columns?: {
    readonly id?: string;
    readonly tier?: string | null;
    readonly status?: string | null;
    readonly region?: string;
    readonly attributes?: Readonly<Record<string, string>>;
  };
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
  /** The region column (quoted). */
  readonly region: string;
  /** The column (quoted) an `attribute:<name>` part reads. */
  attribute(name: string): string;
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
  const region = name(c.region ?? "region_code", "columns.region");
  const attributes = c.attributes ?? {};
  if (typeof attributes !== "object" || attributes === null || Object.values(attributes).some((v) => typeof v !== "string" || v.length === 0)) bad("columns.attributes must map names to column names");
  const attribute = (n: string) => quoteName(Object.prototype.hasOwnProperty.call(attributes, n) ? (attributes[n] as string) : n, q);
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
  return { resolved: { from, id, tier, status, inspections, activeStatus, fetchRows, digests, checkDuplicates: m.checkDuplicates ?? true, table, idColumn: c.id ?? "id", region, attribute }, issues };
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
  /** `expr` without the white space draw-v1 §4.2 trims at either end (`chars`: those characters, a parameter). */
  trim(expr: string, chars: string, p: Params): string;
  /** `expr` (a text) matches the regular expression (a parameter). */
  matches(expr: string, pattern: string, p: Params): string;
  /** The texts concatenated. */
  concat(exprs: readonly string[]): string;
  /** A text as a JSON string literal, escaped as canonical JSON (draw-v1 §5) escapes it. */
  jsonString(expr: string): string;
}

/** The characters trimmed from attribute text at either end (draw-v1 §4.2: ECMAScript's white space and line terminators). */
export const TRIMMED = "\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/** The parts of the query's stratification (the library checks the string before it opens a source). */
function partsOf(stratification: string): readonly StratumPart[] {
  const s = stratifier(stratification);
  return s.ok ? s.value.parts : [];
}

/**
 * The SQL of one part's label over the columns of `p` (draw-v1 §12): `tier` → the tier or `untiered`;
 * `region:<level>` → the first 2/4/6 digits padded with 0 to six, `unassigned` when NULL or empty; `attribute:<name>`
 * → the trimmed text, `unassigned` when NULL or blank.
 */
function partLabelSql(part: StratumPart, k: number): string {
  if (part.kind === "tier") return "COALESCE(tier, 'untiered')";
  if (part.kind === "region") {
    const digits = part.level === "province" ? 2 : part.level === "city" ? 4 : 6;
    return `CASE WHEN region IS NULL OR CHAR_LENGTH(region) = 0 THEN 'unassigned' ELSE RPAD(SUBSTR(region, 1, ${digits}), 6, '0') END`;
  }
  return `CASE WHEN a${k} IS NULL OR CHAR_LENGTH(a${k}) = 0 THEN 'unassigned' ELSE a${k} END`;
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
  // Placeholders are numbered (or, in MySQL, ordered) as they are added: build the SQL in text order.
  const parts = partsOf(query.stratification);
  const hasRegion = parts.some((x) => x.kind === "region");
  const extra = [
    ...(hasRegion ? [`${d.text(r.region)} AS region`] : []),
    ...parts.flatMap((x, k) => (x.kind === "attribute" ? [`${d.trim(d.text(r.attribute(x.name)), TRIMMED, p)} AS a${k}`] : [])),
  ].map((x) => `, ${x}`).join("");
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
  const labels = parts.map((x, k) => partLabelSql(x, k));
  const label = labels.length === 0 ? "'all'" : labels.length === 1 ? (labels[0] as string) : d.concat(["'['", ...labels.flatMap((l, k) => (k === 0 ? [d.jsonString(l)] : ["','", d.jsonString(l)])), "']'"]);
  const badId = d.badId("id", p);
  const badRegion = hasRegion ? `(region IS NOT NULL AND CHAR_LENGTH(region) > 0 AND NOT ${d.matches("region", "^[0-9]{6}$", p)})` : "FALSE";
  return (
    `p AS (SELECT ${d.text(r.id)} AS id, ${tierExpr} AS tier, ${statusExpr} AS status${extra} FROM ${r.from}), ` +
    `c AS (SELECT id, tier, ${hasRegion ? "region" : "NULL"} AS region, ${reason} AS reason, ${d.text(label)} AS label, ${badId} AS bad_id, ` +
    `(tier IS NOT NULL AND (CHAR_LENGTH(tier) <> 1 OR tier NOT IN ('A', 'B', 'C', 'D'))) AS bad_tier, ${badRegion} AS bad_region FROM p), ` +
    `e AS (SELECT id, label FROM c WHERE reason IS NULL)`
  );
}

/** The SELECT over `c` that gives counts per (reason, label) and the invalid rows. @internal */
export const COUNTS_SELECT =
  "SELECT reason, CASE WHEN reason IS NULL THEN label END AS label, COUNT(*) AS n, " +
  "SUM(CASE WHEN bad_id THEN 1 ELSE 0 END) AS bad_ids, MIN(CASE WHEN bad_id THEN COALESCE(id, '(null)') END) AS bad_id_example, " +
  "SUM(CASE WHEN bad_tier THEN 1 ELSE 0 END) AS bad_tiers, MIN(CASE WHEN bad_tier THEN tier END) AS bad_tier_example, " +
  "SUM(CASE WHEN bad_region THEN 1 ELSE 0 END) AS bad_regions, MIN(CASE WHEN bad_region THEN region END) AS bad_region_example " +
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
  readonly bad_regions: unknown;
  readonly bad_region_example: string | null;
}

/** Counts, strata and issues from the rows of {@link COUNTS_SELECT} (and of the duplicate look-up). @internal */
export function summarise(rows: readonly CountRow[], duplicates: readonly { id: string; n: unknown }[], query: PoolQuery, r: Resolved): {
  counts: ExclusionCounts;
  strata: { label: StratumLabel; N: number }[];
  issues: Issue[];
} {
  const counts = { inactive: 0, tier_exempt: 0, drawn_earlier: 0, recently_inspected: 0 };
  const strata: { label: StratumLabel; N: number }[] = [];
  const issues: Issue[] = [];
  let badIds = 0;
  let badTiers = 0;
  let badRegions = 0;
  let idExample = "";
  let tierExample = "";
  let regionExample = "";
  for (const row of rows) {
    const n = Number(row.n);
    badIds += Number(row.bad_ids ?? 0);
    badTiers += Number(row.bad_tiers ?? 0);
    if (row.bad_id_example !== null && idExample === "") idExample = row.bad_id_example;
    if (row.bad_tier_example !== null && tierExample === "") tierExample = row.bad_tier_example;
    badRegions += Number(row.bad_regions ?? 0);
    if (row.bad_region_example != null && regionExample === "") regionExample = row.bad_region_example;
    if (row.reason === null) strata.push({ label: row.label as StratumLabel, N: n });
    else counts[row.reason as keyof typeof counts] += n;
  }
  if (badIds > 0) issues.push(issue("source_entity_invalid", { count: badIds, field: "id", example: idExample, detail: "empty, or a control character" }));
  if (badTiers > 0) issues.push(issue("source_entity_invalid", { count: badTiers, field: "tier", example: tierExample, detail: "A, B, C, D or NULL" }));
  if (badRegions > 0) issues.push(issue("source_entity_invalid", { count: badRegions, field: "region", example: regionExample, detail: "6 digits (行政区划代码), empty or NULL" }));
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
