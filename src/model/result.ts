import * as z from "zod/mini";
import { aliasesOf, labelLimit, longerThanLabel, normalizeLabel } from "../_internal/labels.js";
import { parseWith } from "../_internal/zod.js";
import type { Message, Result } from "../result.js";
import { Identifier, IsoDate, Text } from "./common.js";
import { CheckMethod } from "./item.js";

// Sources of the closed list of result categories (抽查检查结果) — see docs/guide/publish.zh-CN.md §结果类别:
// - 《企业信息公示暂行条例》(国务院令第654号) 第六条: results produced by the regulator are published within 20 working days.
// - 《企业经营异常名录管理暂行办法》(原工商总局令第68号) 第四条: the four listing cases (未按规定公示年报; 未在责令期限内公示;
//   公示信息隐瞒真实情况、弄虚作假; 通过登记的住所或者经营场所无法联系), 第八条/第九条: decided within 10 working days of
//   verification (text as reproduced at https://mip.maxlaw.cn/l/20200716/984396729993.shtml and
//   http://crsrw.com/qiyezixunchaxun/114240.html).
// - 《企业公示信息抽查暂行办法》(原工商总局令第67号, revised by 市场监管总局令第101号, 2025): results of 抽查 are published in the
//   国家企业信用信息公示系统 (https://m.66laws.com/fagui/21704.html).
// - Local reports using the 公示系统's result labels: 天宁区 2017 (正常经营 / 未按规定公示信息 / 通过登记的住所(经营场所)无法联系 /
//   发现问题已责令改正, https://www.cztn.gov.cn/html/cztn/2017/MNCEPBOL_1030/111241.html); 四川 2015 (公示信息隐瞒真实情况、
//   弄虚作假; 书面检查、实地核查、网络监测、查询企业档案、第三方专业机构, http://www.ettaleb.com/news/guandian1/2015/1105/20476.html).
// The remaining labels (不予配合情节严重, 未发现开展本次抽查涉及的经营活动, 已注销/已吊销/已迁出, 已关闭停业或正在组织清算,
// 发现问题待后续处理, 发现问题已移送有关部门处理) are those of the 公示系统's 抽查检查结果 field as listed in issue 13; we found no
// official code list document to cite for them, so the list is closed here and extensible only by a new version.

/**
 * The result categories of an inspection (抽查检查结果), as published in the 国家企业信用信息公示系统, with zh and en labels.
 * `problem` says whether the category counts as a problem found (问题发现率); `justifiesReplacement` whether a 补抽 may
 * replace an entity with this result; `abnormalList` whether 《企业经营异常名录管理暂行办法》第四条 lists it.
 * @example
 * ```ts
 * resultCategoryLabels.unreachable.zh
 * //=> "通过登记的住所（经营场所）无法联系"
 * ```
 * @public
 */
export const resultCategoryLabels = {
  no_problem: { zh: "未发现问题", en: "No problem found", problem: false, justifiesReplacement: false, abnormalList: false },
  not_disclosed: { zh: "未按规定公示应当公示的信息", en: "Information that must be disclosed was not disclosed", problem: true, justifiesReplacement: false, abnormalList: true },
  false_disclosure: { zh: "公示信息隐瞒真实情况、弄虚作假", en: "Disclosed information conceals facts or is falsified", problem: true, justifiesReplacement: false, abnormalList: true },
  unreachable: { zh: "通过登记的住所（经营场所）无法联系", en: "Cannot be reached at the registered address (business premises)", problem: true, justifiesReplacement: true, abnormalList: true },
  refused: { zh: "不予配合检查、情节严重", en: "Refused to cooperate, serious circumstances", problem: true, justifiesReplacement: false, abnormalList: false },
  no_activity: { zh: "未发现开展本次抽查涉及的经营活动", en: "None of the business activity this inspection covers was found", problem: false, justifiesReplacement: false, abnormalList: false },
  deregistered: { zh: "已注销", en: "Deregistered", problem: false, justifiesReplacement: true, abnormalList: false },
  revoked: { zh: "已吊销", en: "Licence revoked", problem: false, justifiesReplacement: true, abnormalList: false },
  moved_out: { zh: "已迁出", en: "Moved out", problem: false, justifiesReplacement: true, abnormalList: false },
  closed: { zh: "已关闭停业或正在组织清算", en: "Closed, suspended or in liquidation", problem: false, justifiesReplacement: true, abnormalList: false },
  corrected: { zh: "发现问题已责令改正", en: "Problem found, correction ordered", problem: true, justifiesReplacement: false, abnormalList: false },
  pending: { zh: "发现问题待后续处理", en: "Problem found, follow-up pending", problem: true, justifiesReplacement: false, abnormalList: false },
  transferred: { zh: "发现问题已移送有关部门处理", en: "Problem found, transferred to the competent department", problem: true, justifiesReplacement: false, abnormalList: false },
} as const satisfies Record<string, Message & { problem: boolean; justifiesReplacement: boolean; abnormalList: boolean }>;

/**
 * A result category code (the closed list of {@link resultCategoryLabels}).
 * @example
 * ```ts
 * ResultCategory.options.length
 * //=> 13
 * ```
 * @public
 */
export const ResultCategory = z
  .enum(["no_problem", "not_disclosed", "false_disclosure", "unreachable", "refused", "no_activity", "deregistered", "revoked", "moved_out", "closed", "corrected", "pending", "transferred"])
  .register(z.globalRegistry, { id: "ResultCategory", description: "抽查检查结果类别" });
/** A parsed {@link ResultCategory}. @public */
export type ResultCategory = z.infer<typeof ResultCategory>;

const categoryAliases = aliasesOf(resultCategoryLabels, {
  正常: "no_problem", 正常经营: "no_problem", 合格: "no_problem", 未发现违法违规行为: "no_problem",
  未按规定公示信息: "not_disclosed", 未按规定公示应当公示信息: "not_disclosed",
  公示信息隐瞒真实情况弄虚作假: "false_disclosure",
  无法联系: "unreachable", 通过登记的住所无法联系: "unreachable", 通过登记的经营场所无法联系: "unreachable",
  "通过登记的住所(经营场所)无法联系": "unreachable", 通过登记的住所或者经营场所无法联系: "unreachable", 失联: "unreachable",
  不予配合情节严重: "refused", 不予配合: "refused",
  注销: "deregistered", 吊销: "revoked", 迁出: "moved_out",
  已关闭停业: "closed", 停业: "closed", 正在组织清算: "closed", 已关闭: "closed", 清算: "closed",
  已责令改正: "corrected", 责令改正: "corrected", 待后续处理: "pending", 已移送: "transferred", 移送: "transferred",
});

/**
 * Reads a result category as written in a results table (its zh or en label, the code, common shorter forms like
 * 无法联系, 已注销, 正常). Brackets and punctuation may be full- or half-width.
 * @returns the code, or undefined when the text is none of them.
 * @example
 * ```ts
 * resultCategoryOf("通过登记的住所(经营场所)无法联系")
 * //=> "unreachable"
 * ```
 * @public
 */
export function resultCategoryOf(text: string): ResultCategory | undefined {
  if (typeof text !== "string") return undefined;
  const code = normalizeLabel(text, categoryAliases);
  if (typeof code === "string" && Object.prototype.hasOwnProperty.call(resultCategoryLabels, code)) return code as ResultCategory;
  // "、" and "，" vary between exports: try without them (unless even without "," the text is too long for a label).
  if (longerThanLabel(text, labelLimit(categoryAliases), 0x2c)) return undefined;
  const bare = text.normalize("NFKC").replace(/[、，,。\s]/g, "");
  const again = normalizeLabel(bare, categoryAliases);
  return typeof again === "string" && Object.prototype.hasOwnProperty.call(resultCategoryLabels, again) ? (again as ResultCategory) : undefined;
}

const methodAliases = aliasesOf(
  {
    on_site: { zh: "现场检查", en: "On-site inspection" },
    documentary: { zh: "书面检查", en: "Documentary check" },
    online_monitoring: { zh: "网络监测", en: "Online monitoring" },
    sampling_test: { zh: "抽样检测", en: "Sampling and testing" },
    other: { zh: "其他", en: "Other" },
  },
  {
    现场: "on_site", 实地检查: "on_site", 实地核查: "on_site", 现场核查: "on_site", 书面: "documentary", 书面审查: "documentary",
    网络: "online_monitoring", 网络核查: "online_monitoring", 抽样检验: "sampling_test", 检验检测: "sampling_test",
    查询企业档案: "other", 第三方专业机构: "other",
  },
);

/**
 * Reads an inspection method (检查方式) as written in a results table: 现场检查 (实地核查), 书面检查, 网络监测, 抽样检测, 其他.
 * @returns the {@link CheckMethod} code, or undefined.
 * @example
 * ```ts
 * checkMethodOf("实地核查")
 * //=> "on_site"
 * ```
 * @public
 */
export function checkMethodOf(text: string): CheckMethod | undefined {
  const code = normalizeLabel(text, methodAliases);
  return typeof code === "string" && (CheckMethod.options as readonly string[]).includes(code) ? (code as CheckMethod) : undefined;
}

/**
 * The outcome of one check item for one entity (逐项检查情况).
 * @example
 * ```ts
 * Finding.parse({ itemId: "WG-1", outcome: "problem", note: "未公示许可证" }).outcome
 * //=> "problem"
 * ```
 * @public
 */
export const Finding = z
  .strictObject({
    itemId: Identifier.check(z.describe("抽查事项编号")),
    itemName: z.optional(Text).check(z.describe("抽查事项名称")),
    outcome: z.enum(["compliant", "problem", "not_applicable"]).check(z.describe("符合 / 发现问题 / 不涉及")),
    note: z.optional(z.string()).check(z.describe("问题描述")),
  })
  .register(z.globalRegistry, { id: "Finding", description: "逐项检查情况" });
/** A parsed {@link Finding}. @public */
export type Finding = z.infer<typeof Finding>;

/**
 * A follow-up action (后续处置): 责令改正 with its deadline, 列入经营异常名录 with the decision date (and the day the
 * fact was verified, from which the 10 working days run), 立案, 移送 to another department.
 * @example
 * ```ts
 * FollowUp.parse({ kind: "rectification", deadline: "2023-07-10" }).kind
 * //=> "rectification"
 * ```
 * @public
 */
export const FollowUp = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("rectification"), deadline: IsoDate.check(z.describe("责令改正期限")), orderedOn: z.optional(IsoDate) }),
    z.strictObject({ kind: z.literal("abnormal_list"), decidedOn: IsoDate.check(z.describe("列入决定日期")), verifiedOn: z.optional(IsoDate).check(z.describe("核实日期")), reason: z.optional(z.string()) }),
    z.strictObject({ kind: z.literal("case"), filedOn: z.optional(IsoDate).check(z.describe("立案日期")), caseNumber: z.optional(z.string()) }),
    z.strictObject({ kind: z.literal("transfer"), to: Text.check(z.describe("移送部门")), transferredOn: z.optional(IsoDate) }),
  ])
  .register(z.globalRegistry, { id: "FollowUp", description: "后续处置" });
/** A parsed {@link FollowUp}. @public */
export type FollowUp = z.infer<typeof FollowUp>;

/**
 * zh and en labels of the follow-up kinds.
 * @example
 * ```ts
 * followUpLabels.abnormal_list.zh
 * //=> "列入经营异常名录"
 * ```
 * @public
 */
export const followUpLabels = {
  rectification: { zh: "责令改正", en: "Correction ordered" },
  abnormal_list: { zh: "列入经营异常名录", en: "Put on the abnormal-operations list" },
  case: { zh: "立案", en: "Case filed" },
  transfer: { zh: "移送", en: "Transferred" },
} as const satisfies Record<FollowUp["kind"], Message>;

/**
 * One inspected entity's outcome (抽查检查结果): the task, the entity, the inspection date(s), the team (inspector ids
 * from the record's matched team, or a logged 递补), the method(s), per-item findings, the result category from the
 * closed list, follow-up actions, and the dates that the publication deadlines are checked against.
 *
 * @remarks `concludedOn` (检查结果形成日期) defaults to the last inspection date; `enteredOn` is the day the result was
 * entered (录入) for publication, checked against the 20-working-day deadline.
 * @example
 * ```ts
 * const r = InspectionResult.parse({ taskId: "T1", entityId: "E1", entityName: "甲", inspectionDates: ["2023-06-01"],
 *   teamIds: ["P1", "P2"], methods: ["on_site"], category: "no_problem" });
 * r.followUps
 * //=> []
 * ```
 * @public
 */
export const InspectionResult = z
  .strictObject({
    taskId: Identifier.check(z.describe("抽查任务编号")),
    entityId: Identifier.check(z.describe("检查对象编号（统一社会信用代码）")),
    entityName: Text.check(z.describe("检查对象名称")),
    inspectionDates: z.array(IsoDate).check(z.minLength(1), z.describe("检查日期")),
    concludedOn: z.optional(IsoDate).check(z.describe("检查结果形成日期")),
    enteredOn: z.optional(IsoDate).check(z.describe("录入日期")),
    department: z.optional(Text).check(z.describe("检查实施机关")),
    teamIds: z._default(z.array(Identifier), []).check(z.describe("检查人员编号")),
    methods: z._default(z.array(CheckMethod), []).check(z.describe("检查方式")),
    findings: z._default(z.array(Finding), []).check(z.describe("逐项检查情况")),
    category: ResultCategory,
    followUps: z._default(z.array(FollowUp), []).check(z.describe("后续处置")),
    note: z.optional(z.string()),
  })
  .register(z.globalRegistry, { id: "InspectionResult", description: "抽查检查结果" });
/** A valid {@link InspectionResult} (defaults applied). @public */
export type InspectionResult = z.output<typeof InspectionResult>;
/** An inspection result as written by a caller (defaults not yet applied). @public */
export type InspectionResultInput = z.input<typeof InspectionResult>;

/**
 * Validates one inspection result; the category and methods may be given as zh labels.
 * @returns the result, or issues with their `path` (`invalid_value` for an unknown category, `date_invalid`…).
 * @example
 * ```ts
 * const r = parseInspectionResult({ taskId: "T1", entityId: "E1", entityName: "甲", inspectionDates: ["2023-06-01"], category: "无法联系" });
 * r.ok && r.value.category
 * //=> "unreachable"
 * ```
 * @public
 */
export function parseInspectionResult(input: unknown, path: readonly (string | number)[] = []): Result<InspectionResult> {
  return parseWith(InspectionResult, normalizeResultLabels(input), { path });
}

/** Accepts zh labels for the category and the methods. @internal */
export function normalizeResultLabels(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const o = { ...(input as Record<string, unknown>) };
  if (typeof o.category === "string") o.category = resultCategoryOf(o.category) ?? o.category;
  if (Array.isArray(o.methods)) o.methods = o.methods.map((m) => (typeof m === "string" ? (checkMethodOf(m) ?? m) : m));
  return o;
}
