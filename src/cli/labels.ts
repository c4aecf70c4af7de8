// Words the command line prints for enum values, in each language (no English codes inside Chinese text).
import type { Lang } from "./args.js";

type Labels = Readonly<Record<string, { readonly zh: string; readonly en: string }>>;

export const BOUND: Labels = {
  exact: { zh: "恰好", en: "exactly" },
  atLeast: { zh: "不低于", en: "at least" },
  atMost: { zh: "不高于", en: "at most" },
  approx: { zh: "约", en: "about" },
};

export const PER: Labels = {
  year: { zh: "每年", en: "a year" },
  halfYear: { zh: "每半年", en: "every half-year" },
  quarter: { zh: "每季度", en: "a quarter" },
  month: { zh: "每月", en: "a month" },
  plan: { zh: "每个计划期", en: "per plan period" },
};

/** Stratum labels of a manifest (confidential: only the department sees them). */
export const STRATUM: Labels = {
  A: { zh: "A类（低风险）", en: "tier A (low risk)" },
  B: { zh: "B类（一般风险）", en: "tier B (medium risk)" },
  C: { zh: "C类（较高风险）", en: "tier C (higher risk)" },
  D: { zh: "D类（高风险）", en: "tier D (high risk)" },
  untiered: { zh: "未分类", en: "untiered" },
  all: { zh: "全部（不分层）", en: "all (unstratified)" },
};


/** The label of `value` in `lang`, or the value itself when it has none. */
export function label(labels: Labels, value: string, lang: Lang): string {
  return Object.prototype.hasOwnProperty.call(labels, value) ? (labels[value] as { zh: string; en: string })[lang] : value;
}
