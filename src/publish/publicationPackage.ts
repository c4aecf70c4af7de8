import { canonicalJson, sha256Hex } from "../draw/digest.js";
import { compareCodePoints } from "../draw/order.js";
import { type InspectionResult, type ResultCategory, ResultCategory as ResultCategorySchema, followUpLabels, resultCategoryLabels } from "../model/result.js";
import { validateUscc } from "../model/uscc.js";
import { fail, type Issue, type Result, settle } from "../result.js";
import { issue } from "./_issue.js";
import { type ReconcileOptions, reconcileResults, type Reconciliation, type ResultsRecord } from "./reconcileResults.js";

/**
 * Version of the publication package format (docs/spec/publish-v1.md).
 * @example
 * ```ts
 * PUBLISH_PROTOCOL_VERSION
 * //=> "double-random/publish-v1"
 * ```
 * @public
 */
export const PUBLISH_PROTOCOL_VERSION = "double-random/publish-v1";

/**
 * One row of the public list (公示清单). Every field is text, so the JSON and the CSV carry the same values.
 * `entityId` is the 统一社会信用代码 (or the pool's id); it is empty when withheld (a 个体工商户 without a 统一社会信用代码).
 * `category` is the {@link ResultCategory} code (the CSV shows its zh label). Never a tier, a salt, an inspector's name,
 * an address or a telephone number.
 * @public
 */
export interface PublicListEntry {
  readonly entityName: string;
  readonly entityId: string;
  readonly taskId: string;
  readonly taskName: string;
  /** Check items, names (or ids) joined with "、". */
  readonly items: string;
  /** Inspection dates joined with "、". */
  readonly inspectedOn: string;
  readonly department: string;
  readonly category: string;
  /** Follow-up actions in words (zh), "；"-separated; empty when none. */
  readonly followUp: string;
}

/**
 * The task report (抽查情况): what was drawn, inspected, replaced, found, and whether deadlines were met. Integers and
 * text only (the package digest is over canonical JSON, which carries no fractions).
 * @public
 */
export interface TaskReport {
  /** Entities drawn by the original draw. */
  readonly drawn: number;
  /** Replacement draws (补抽). */
  readonly replaced: number;
  /** The drawn set after replacements (= rows of the public list). */
  readonly targets: number;
  /** Targets with a result. */
  readonly inspected: number;
  /** Targets per result category (every category, zero included). */
  readonly byCategory: Readonly<Record<ResultCategory, number>>;
  /** Targets whose category is a problem found. */
  readonly problems: number;
  /** problems / inspected as a percentage with two decimals, half up ("12.50%"); "0.00%" when nothing was inspected. */
  readonly problemRate: string;
  /** The 公示 deadline of the task (from its window's end), or "" when each result had its own. */
  readonly deadline: string;
  readonly enteredOnTime: number;
  readonly enteredLate: number;
  /** Results without an entry date (timeliness unknown). */
  readonly entryUnknown: number;
  readonly abnormalListed: number;
  readonly abnormalListLate: number;
}

/**
 * A publication package (一公开): the public list, the task report, and the digests that bind them to the draw record
 * and its announcement (docs/spec/publish-v1.md).
 * @public
 */
export interface PublicationPackage {
  readonly protocol: typeof PUBLISH_PROTOCOL_VERSION;
  readonly taskId: string;
  readonly taskName: string;
  readonly department: string;
  readonly publishedOn: string;
  /** SHA-256 of the draw record (publish-v1 §2). */
  readonly recordDigest: string;
  /** The record's announcement digest (draw-v1 §5), copied so the package names the announcement it follows. */
  readonly announcementDigest: string;
  readonly list: readonly PublicListEntry[];
  /** SHA-256 of the list alone (publish-v1 §3), so a list downloaded as CSV can be checked. */
  readonly listDigest: string;
  readonly report: TaskReport;
  /** SHA-256 over every other field (publish-v1 §4). */
  readonly digest: string;
}

/**
 * Options of {@link publicationPackage}: the reconciliation options plus what the package states.
 * @public
 */
export interface PublicationPackageOptions extends ReconcileOptions {
  /** 检查实施机关 (used when a result names none). */
  readonly department: string;
  /** The day the package is published (ISO). */
  readonly publishedOn: string;
  readonly taskName?: string;
  /** Names of the check items by id (an item without a name is published by its id). */
  readonly itemNames?: Readonly<Record<string, string>>;
  /** The entity pool (or its rows): tells 个体工商户 apart, whose identifier is published only when it is a 统一社会信用代码. */
  readonly entities?: readonly { readonly id: string; readonly kind?: string }[];
}

/** SHA-256 of the canonical JSON of a draw record, domain-separated (publish-v1 §2). @internal */
export function recordDigestOf(record: unknown): string {
  return sha256Hex(`${PUBLISH_PROTOCOL_VERSION} record\n${canonicalJson(record)}`);
}
/** publish-v1 §3. @internal */
export function listDigestOf(list: readonly PublicListEntry[]): string {
  return sha256Hex(`${PUBLISH_PROTOCOL_VERSION} list\n${canonicalJson(list)}`);
}
/** publish-v1 §4: over every field but `digest`. @internal */
export function packageDigestOf(pkg: Omit<PublicationPackage, "digest"> & { digest?: string }): string {
  const { digest: _ignored, ...rest } = pkg;
  return sha256Hex(`${PUBLISH_PROTOCOL_VERSION} package\n${canonicalJson(rest)}`);
}

/** Follow-up actions in words, as the public list shows them. @internal */
export function followUpText(r: InspectionResult): string {
  return r.followUps
    .map((f) => {
      const label = followUpLabels[f.kind].zh;
      switch (f.kind) {
        case "rectification": return `${label}（期限${f.deadline}）`;
        case "abnormal_list": return `${label}（${f.decidedOn}）`;
        case "case": return `${label}${f.filedOn ? `（${f.filedOn}）` : ""}`;
        case "transfer": return `${label}${f.to}`;
      }
    })
    .join("；");
}

/** Exact percentage with two decimals, half up, from integers. @internal */
export function percent(part: number, whole: number): string {
  if (whole === 0) return "0.00%";
  const hundredths = Math.floor((part * 20000 + whole) / (2 * whole));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}%`;
}

/** The list entry order: by identifier, then name, in code point order (withheld identifiers are empty, so first). @internal */
export function compareEntries(a: PublicListEntry, b: PublicListEntry): number {
  return compareCodePoints(a.entityId, b.entityId) || compareCodePoints(a.entityName, b.entityName);
}

/** The task report of a reconciliation (publish-v1 §3). @internal */
export function taskReportOf(record: ResultsRecord, rec: Reconciliation, windowGiven: boolean): TaskReport {
  const byCategory = Object.fromEntries(ResultCategorySchema.options.map((c) => [c, 0])) as Record<ResultCategory, number>;
  let inspected = 0;
  let problems = 0;
  let enteredOnTime = 0;
  let enteredLate = 0;
  let entryUnknown = 0;
  for (const t of rec.targets) {
    if (!t.result) continue;
    inspected++;
    byCategory[t.result.category]++;
    if (resultCategoryLabels[t.result.category].problem) problems++;
    if (t.onTime === true) enteredOnTime++;
    else if (t.onTime === false) enteredLate++;
    else entryUnknown++;
  }
  return {
    drawn: record.selections.length,
    replaced: record.replacements.length,
    targets: rec.targets.length,
    inspected,
    byCategory,
    problems,
    problemRate: percent(problems, inspected),
    deadline: windowGiven ? (rec.targets[0]?.deadline ?? "") : "",
    enteredOnTime,
    enteredLate,
    entryUnknown,
    abnormalListed: rec.abnormalListed,
    abnormalListLate: rec.abnormalListLate,
  };
}

/**
 * Builds the publication package of a task (一公开): (a) the public list (公示清单) — one row per drawn entity after
 * replacements: name, 统一社会信用代码, task, items, dates, department, result category, follow-up — (b) the task
 * report (抽查情况), and (c) the digests binding both to the draw record and its announcement. Results are reconciled
 * first ({@link reconcileResults}); a package is never built over a mismatch.
 *
 * @remarks What is published and what is not: the 公示系统 records results under each enterprise's name
 * (《企业信息公示暂行条例》第六条); the tier (confidential, draw-v1), the salt, inspectors' names, addresses and
 * telephone numbers are never in the package. A 个体工商户's identifier is published only when it is a valid
 * 统一社会信用代码 (a public registration item); a 个体工商户 chooses whether its own annual-report content is
 * published (《个体工商户年度报告暂行办法》第八条, 原工商总局令第69号), so nothing from it is carried.
 * @returns the package; the issues of {@link reconcileResults}; `publish_id_withheld` (info) per withheld identifier;
 * `invalid_argument` for a missing department or date.
 * @example
 * ```ts
 * const record = { taskId: "T1", announcement: { digest: "a".repeat(64) }, selections: [{ id: "E1", stratum: "all" }], replacements: [] };
 * const results = [{ taskId: "T1", entityId: "E1", entityName: "甲", inspectionDates: ["2023-06-01"], enteredOn: "2023-06-05", category: "未发现问题" }];
 * const p = publicationPackage(record, results, { department: "某市市场监管局", publishedOn: "2023-06-06", window: { start: "2023-05-01", end: "2023-06-30" } });
 * p.ok && [p.value.list[0].category, p.value.report.deadline, p.value.report.problemRate]
 * //=> ["no_problem", "2023-07-28", "0.00%"]
 * ```
 * @public
 */
export function publicationPackage(record: ResultsRecord, results: readonly unknown[], options: PublicationPackageOptions): Result<PublicationPackage> {
  if (!options || typeof options.department !== "string" || options.department.trim() === "") {
    return fail([issue("invalid_argument", { detail: "options.department (检查实施机关) is required" })]);
  }
  if (typeof options.publishedOn !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(options.publishedOn)) {
    return fail([issue("invalid_argument", { detail: "options.publishedOn must be an ISO date" })]);
  }
  const reconciled = reconcileResults(record, results, options);
  if (!reconciled.ok) return reconciled;
  const rec = reconciled.value;
  const issues: Issue[] = [...reconciled.warnings];
  const kinds = new Map((options.entities ?? []).map((e) => [e.id, e.kind]));
  const taskName = options.taskName ?? "";
  const list: PublicListEntry[] = rec.targets.flatMap((t) => {
    const r = t.result;
    if (!r) return [];
    const kind = kinds.get(r.entityId);
    const individual = kind === "individual" || kind === "个体工商户";
    const withheld = individual && validateUscc(r.entityId).length > 0;
    if (withheld) issues.push(issue("publish_id_withheld", { name: r.entityName }));
    return [{
      entityName: r.entityName,
      entityId: withheld ? "" : r.entityId,
      taskId: r.taskId,
      taskName,
      items: r.findings.map((f) => f.itemName ?? options.itemNames?.[f.itemId] ?? f.itemId).join("、"),
      inspectedOn: [...r.inspectionDates].sort().join("、"),
      department: r.department ?? options.department,
      category: r.category,
      followUp: followUpText(r),
    }];
  });
  list.sort(compareEntries);
  const body = {
    protocol: PUBLISH_PROTOCOL_VERSION,
    taskId: record.taskId,
    taskName,
    department: options.department,
    publishedOn: options.publishedOn,
    recordDigest: recordDigestOf(record),
    announcementDigest: record.announcement.digest,
    list,
    listDigest: listDigestOf(list),
    report: taskReportOf(record, rec, options.window !== undefined),
  } as const;
  return settle({ ...body, digest: packageDigestOf(body) }, issues);
}
