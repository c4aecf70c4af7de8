import type { Targeting } from "../model/plan.js";

/**
 * The fields a plan-table column can feed. `index` is 序号 (kept for provenance only).
 * @public
 */
export type PlanField =
  | "index"
  | "region"
  | "planName"
  | "name"
  | "targeting"
  | "items"
  | "scope"
  | "quota"
  | "window"
  | "creditRequirement"
  | "initiator"
  | "cooperators"
  | "mode"
  | "responsible";

/** Header text as compared: NFKC (full-width brackets become ASCII), no whitespace, lower case. */
export function normalizeHeader(header: string): string {
  return header.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

// Every header variant seen in the seed plans (焦作, 晋城, 舞钢), after normalizeHeader.
const HEADER_PATTERNS: ReadonlyArray<readonly [PlanField, RegExp]> = [
  ["index", /^(序号|编号|no\.?)$/],
  ["region", /^(地市|地区|县区|区县|县\(市、区\)|region)$/],
  ["planName", /^(抽查计划名称|计划名称|planname)$/],
  ["name", /^(抽查任务名称|任务名称|name|task)/],
  ["targeting", /^(抽查类型|抽查方式|抽取类型|检查类型|targeting)$/],
  ["items", /^(抽查事项|检查事项|抽查内容|items)$/],
  ["scope", /^(抽查对象范围|抽查对象|检查对象|检查对象范围|scope)$/],
  ["quota", /^((抽查|抽取)(比例|数量)(及频次|\/比例|\/数量|\((数量|频次)\))?|抽查数量\/比例|比例及频次|quota)$/],
  ["window", /^(抽取日期|抽查日期|抽查检查起止时间|抽查起止时间|检查起止时间|起止时间|抽查时间|检查时间|window)$/],
  ["creditRequirement", /^(智慧监管|信用风险|.*信用风险.*分类要求)/],
  // 牵头部门/参与部门: Anhui's wording (南陵县 2024 “一业一查” notice, 联办字〔2024〕2号).
  ["initiator", /^(发起部门|牵头部门|牵头单位|initiator)$/],
  ["cooperators", /^(配合部门|参与部门|配合单位|参与单位|cooperators)$/],
  ["mode", /^(抽查检查模式|检查模式|mode)$/],
  ["responsible", /^(责任单位|责任部门|responsible)$/],
];

/**
 * Which field a column header means, or `undefined` for a header this SDK does not know (its text is
 * kept all the same).
 */
export function recognizeHeader(header: string): PlanField | undefined {
  // Every row's cells are tried as a header (repeated header rows): remember the answers, up to a bound.
  const known = RECOGNIZED.get(header);
  if (known !== undefined || RECOGNIZED.has(header)) return known;
  const h = normalizeHeader(header);
  let out: PlanField | undefined;
  if (h !== "") {
    for (const [field, re] of HEADER_PATTERNS) {
      if (re.test(h)) {
        out = field;
        break;
      }
    }
  }
  if (RECOGNIZED.size < 10_000) RECOGNIZED.set(header, out);
  return out;
}
const RECOGNIZED = new Map<string, PlanField | undefined>();

/** How a 抽查类型 cell reads: a clean value, a known typo, or nothing usable. */
export type TargetingReading =
  | { readonly status: "ok"; readonly value: Targeting }
  | { readonly status: "typo"; readonly value: Targeting; readonly expected: string }
  | { readonly status: "missing" }
  | { readonly status: "unrecognized" };

/**
 * Reads a 抽查类型 cell. "定向检查", "定向抽查", "定向 现场检查" are 定向; the typos of the seed plans
 * ("定项", "不定项", "定期向") are read with a note, anything else is not guessed.
 */
export function readTargeting(text: string): TargetingReading {
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  if (t === "") return { status: "missing" };
  if (/^(不定向|非定向|undirected)/i.test(t)) return { status: "ok", value: "undirected" };
  if (/^(定向|directed)/i.test(t)) return { status: "ok", value: "directed" };
  if (/^不定项/.test(t)) return { status: "typo", value: "undirected", expected: "不定向" };
  if (/^(定项|定期向)/.test(t)) return { status: "typo", value: "directed", expected: "定向" };
  return { status: "unrecognized" };
}

/** Splits a 配合部门 cell: departments are separated by 、，,；; or spaces (never by 和, which is part of names). */
export function splitDepartments(text: string): string[] {
  return text
    .split(/[、，,；;\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** A department name as compared: NFKC, no whitespace. */
export const departmentKey = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

/** Compares department names: NFKC, no whitespace. */
export function sameDepartment(a: string, b: string): boolean {
  const n = departmentKey(a);
  return n !== "" && n === departmentKey(b);
}
