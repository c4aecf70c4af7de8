import { resultCategoryLabels, type ResultCategory, ResultCategory as ResultCategorySchema } from "../model/result.js";
import { fail, type Issue, type Result, settle } from "../result.js";
import { issue } from "./_issue.js";
import {
  listDigestOf, packageDigestOf, percent, PUBLISH_PROTOCOL_VERSION, type PublicationPackage, type PublicListEntry, recordDigestOf,
} from "./publicationPackage.js";
import { type ResultsRecord, targetsOf } from "./reconcileResults.js";

/**
 * What {@link verifyResults} checked.
 * @public
 */
export interface ResultsVerification {
  /** Rows of the published list. */
  readonly entries: number;
  /** The drawn set after replacements. */
  readonly targets: number;
  /** Whether the package digest (or, for a bare list, the expected list digest) was checked. */
  readonly digestChecked: boolean;
}

/**
 * Options of {@link verifyResults}.
 * @public
 */
export interface VerifyResultsOptions {
  /** For a bare list (e.g. read from the published CSV): the list digest published with it, to check it too. */
  readonly listDigest?: string;
}

const LIST = { zh: "公示清单", en: "list" };
const PACKAGE = { zh: "公示包", en: "package" };
// The task report's fields in words, for publish_count_mismatch (the token stays in `field` for programs).
const REPORT_FIELD: Record<string, { zh: string; en: string }> = {
  drawn: { zh: "抽取户数", en: "drawn" },
  replaced: { zh: "补抽户数", en: "replaced" },
  targets: { zh: "应检查户数", en: "targets" },
  inspected: { zh: "已检查户数", en: "inspected" },
  problems: { zh: "发现问题户数", en: "problems" },
  problemRate: { zh: "问题发现率", en: "problem rate" },
  "enteredOnTime + enteredLate + entryUnknown": { zh: "按期、逾期与日期不明的录入数之和", en: "entered on time + late + date unknown" },
};
function reportFieldName(field: string): { zh: string; en: string } {
  const known = REPORT_FIELD[field];
  if (known) return known;
  const label = field.startsWith("byCategory.") ? resultCategoryLabels[field.slice(11) as ResultCategory] : undefined;
  return label ? { zh: `检查结果为${label.zh}的户数`, en: `results “${label.en}”` } : { zh: field, en: field };
}
const FIELDS = ["entityName", "entityId", "taskId", "taskName", "items", "inspectedOn", "department", "category", "followUp"] as const;

/**
 * Public verification of a publication package (or of a published list alone) against the draw record: the list is
 * exactly the drawn set after replacements (nothing left out, nothing added, nothing twice), the task report's counts
 * add up with the record and the list, the package is bound to this record and its announcement, and its digests hold.
 * Anyone holding the published record and the published package can run it; no pool, salt or tier is needed.
 *
 * @param pkg - a {@link PublicationPackage}, or `{ list }` as read from the published 公示清单 CSV ({@link publicListFromTable}).
 * @returns counts of what was checked, or the mismatches: `publish_package_invalid`, `publish_entity_missing`,
 * `publish_entity_extra`, `publish_entity_duplicate`, `publish_withheld_unmatched`, `publish_count_mismatch`,
 * `publish_binding_mismatch`, `publish_digest_mismatch`; info `publish_digest_not_checked` for a bare list.
 * @example
 * ```ts
 * const record = { taskId: "T1", announcement: { digest: "a".repeat(64) }, selections: [{ id: "E1", stratum: "all" }], replacements: [] };
 * const results = [{ taskId: "T1", entityId: "E1", entityName: "甲", inspectionDates: ["2023-06-01"], enteredOn: "2023-06-05", category: "未发现问题" }];
 * const pkg = unwrap(publicationPackage(record, results, { department: "某局", publishedOn: "2023-06-06" }));
 * const forged = { ...pkg, list: [...pkg.list, { ...pkg.list[0], entityId: "E9" }] };
 * [verifyResults(record, pkg).ok, unwrap(verifyResults(record, pkg)).digestChecked, verifyResults(record, forged).ok]
 * //=> [true, true, false]
 * ```
 * @public
 */
export function verifyResults(record: ResultsRecord, pkg: PublicationPackage | { readonly list: readonly PublicListEntry[] }, options: VerifyResultsOptions = {}): Result<ResultsVerification> {
  if (!record || typeof record !== "object" || !Array.isArray(record.selections) || !Array.isArray(record.replacements)) {
    return fail([issue("invalid_argument", { detail: "record must be a draw record (selections, replacements)" })]);
  }
  const shape = shapeProblem(pkg);
  if (shape) return fail([issue("publish_package_invalid", { detail: shape })]);
  const issues: Issue[] = [];
  const list = pkg.list;
  const targets = targetsOf(record);
  const targetIds = new Set(targets.map((t) => t.id));

  // Membership: the list is the drawn set after replacements.
  const counts = new Map<string, number>();
  let withheld = 0;
  for (const e of list) {
    if (e.entityId === "") withheld++;
    else counts.set(e.entityId, (counts.get(e.entityId) ?? 0) + 1);
  }
  for (const [id, n] of counts) {
    if (!targetIds.has(id)) issues.push(issue("publish_entity_extra", { id }));
    else if (n > 1) issues.push(issue("publish_entity_duplicate", { id, count: n }));
  }
  const missing = targets.filter((t) => !counts.has(t.id));
  // A withheld identifier (个体工商户 without a USCC) stands for one target the list does not name.
  if (withheld > missing.length) {
    for (const e of list.filter((x) => x.entityId === "").slice(missing.length)) issues.push(issue("publish_withheld_unmatched", { name: e.entityName }));
  }
  if (missing.length > withheld) for (const t of missing.slice(withheld)) issues.push(issue("publish_entity_missing", { id: t.id }));
  for (const e of list) if (e.taskId !== record.taskId) issues.push(issue("result_task_mismatch", { id: e.entityId || e.entityName, taskId: e.taskId, recordTask: record.taskId }));

  let digestChecked = false;
  if ("protocol" in pkg) {
    const p = pkg;
    const stated = (what: { zh: string; en: string }, s: string, a: string) => {
      if (s !== a) issues.push(issue("publish_binding_mismatch", { what, stated: s, actual: a }));
    };
    stated({ zh: "任务编号", en: "task id" }, p.taskId, record.taskId);
    stated({ zh: "抽取记录摘要", en: "record digest" }, p.recordDigest, recordDigestOf(record));
    stated({ zh: "抽取公告摘要", en: "announcement digest" }, p.announcementDigest, record.announcement?.digest ?? "");
    // The report's counts against the record and the list.
    const r = p.report;
    const byCategory = Object.fromEntries(ResultCategorySchema.options.map((c) => [c, 0])) as Record<ResultCategory, number>;
    for (const e of list) if (e.category in byCategory) byCategory[e.category as ResultCategory]++;
    const problems = list.filter((e) => resultCategoryLabels[e.category as ResultCategory]?.problem).length;
    const expect = (field: string, s: unknown, a: unknown) => {
      if (s !== a) issues.push(issue("publish_count_mismatch", { field, fieldName: reportFieldName(field), stated: String(s), actual: String(a) }));
    };
    expect("drawn", r.drawn, record.selections.length);
    expect("replaced", r.replaced, record.replacements.length);
    expect("targets", r.targets, targets.length);
    expect("inspected", r.inspected, list.length);
    for (const c of ResultCategorySchema.options) expect(`byCategory.${c}`, r.byCategory?.[c], byCategory[c]);
    expect("problems", r.problems, problems);
    expect("problemRate", r.problemRate, percent(problems, list.length));
    expect("enteredOnTime + enteredLate + entryUnknown", r.enteredOnTime + r.enteredLate + r.entryUnknown, r.inspected);
    const listDigest = listDigestOf(list);
    if (p.listDigest !== listDigest) issues.push(issue("publish_digest_mismatch", { what: LIST, stated: p.listDigest, actual: listDigest }));
    const digest = packageDigestOf(p);
    if (p.digest !== digest) issues.push(issue("publish_digest_mismatch", { what: PACKAGE, stated: p.digest, actual: digest }));
    digestChecked = true;
  } else if (options.listDigest !== undefined) {
    const listDigest = listDigestOf(list);
    if (options.listDigest !== listDigest) issues.push(issue("publish_digest_mismatch", { what: LIST, stated: options.listDigest, actual: listDigest }));
    digestChecked = true;
  } else issues.push(issue("publish_digest_not_checked"));
  return settle({ entries: list.length, targets: targets.length, digestChecked }, issues);
}

function shapeProblem(pkg: unknown): string | null {
  if (!pkg || typeof pkg !== "object" || !Array.isArray((pkg as { list?: unknown }).list)) return "no list";
  const list = (pkg as { list: unknown[] }).list;
  for (let k = 0; k < list.length; k++) {
    const e = list[k] as Record<string, unknown> | null;
    if (!e || typeof e !== "object") return `list[${k}] is not an object`;
    for (const f of FIELDS) if (typeof e[f] !== "string") return `list[${k}].${f} is not text`;
  }
  if ("protocol" in (pkg as object)) {
    const p = pkg as Partial<PublicationPackage>;
    if (p.protocol !== PUBLISH_PROTOCOL_VERSION) return `protocol is not ${PUBLISH_PROTOCOL_VERSION}`;
    for (const f of ["taskId", "recordDigest", "announcementDigest", "listDigest", "digest"] as const) if (typeof p[f] !== "string") return `${f} is not text`;
    const r = p.report as Record<string, unknown> | undefined;
    if (!r || typeof r !== "object" || typeof r.byCategory !== "object" || r.byCategory === null) return "no report";
    for (const f of ["drawn", "replaced", "targets", "inspected", "problems", "enteredOnTime", "enteredLate", "entryUnknown"]) {
      if (!Number.isSafeInteger(r[f])) return `report.${f} is not an integer`;
    }
  }
  return null;
}
