// The words of a quota cell (抽查比例 / 抽查比例及频次): the token kinds and the tables the lexer reads them from. Part of
// parseQuota: words here, the scanner in _quotaLexer.ts, the cell's normalisation and quoting in _quotaText.ts, the
// interpreter in parseQuota.ts.
import type { QuotaFrequency } from "../model/quota.js";

export type Per = QuotaFrequency["per"];
export type FigureBound = "exact" | "atLeast" | "atMost" | "approx";

export type Token =
  | { k: "num"; raw: string; neg: boolean; unit: "pct" | "permille" | "count" | "times" | "bare" | "date"; per?: Per }
  | { k: "cn"; value: number; unit: "count" | "times"; raw: string }
  | { k: "bound"; b: FigureBound; raw: string }
  | { k: "post"; b: FigureBound; raw: string }
  | { k: "every"; per: Per; raw: string }
  | { k: "timesNoNum"; raw: string }
  | { k: "cumul"; raw: string }
  | { k: "filler"; raw: string }
  | { k: "sep" }
  | { k: "text"; raw: string };

// Longest words first: the scanner takes the first word that matches at a position.
export const WORDS: ReadonlyArray<readonly [string, Token]> = (
  [
    ["不低于", { k: "bound", b: "atLeast", raw: "不低于" }],
    ["不少于", { k: "bound", b: "atLeast", raw: "不少于" }],
    ["不小于", { k: "bound", b: "atLeast", raw: "不小于" }],
    ["至少", { k: "bound", b: "atLeast", raw: "至少" }],
    ["最少", { k: "bound", b: "atLeast", raw: "最少" }],
    ["最低", { k: "bound", b: "atLeast", raw: "最低" }],
    ["≥", { k: "bound", b: "atLeast", raw: "≥" }],
    [">=", { k: "bound", b: "atLeast", raw: ">=" }],
    // "＞20%" / "＜5%" (NFKC: ">" "<"): a strict bound is read as the inclusive one; sizes are whole entities.
    [">", { k: "bound", b: "atLeast", raw: ">" }],
    ["不超过", { k: "bound", b: "atMost", raw: "不超过" }],
    ["不高于", { k: "bound", b: "atMost", raw: "不高于" }],
    ["不多于", { k: "bound", b: "atMost", raw: "不多于" }],
    ["不大于", { k: "bound", b: "atMost", raw: "不大于" }],
    ["最多", { k: "bound", b: "atMost", raw: "最多" }],
    ["至多", { k: "bound", b: "atMost", raw: "至多" }],
    ["最高", { k: "bound", b: "atMost", raw: "最高" }],
    ["≤", { k: "bound", b: "atMost", raw: "≤" }],
    ["<=", { k: "bound", b: "atMost", raw: "<=" }],
    ["<", { k: "bound", b: "atMost", raw: "<" }],
    ["大约", { k: "bound", b: "approx", raw: "大约" }],
    ["约为", { k: "bound", b: "approx", raw: "约为" }],
    ["约", { k: "bound", b: "approx", raw: "约" }],
    ["以上", { k: "post", b: "atLeast", raw: "以上" }],
    ["以下", { k: "post", b: "atMost", raw: "以下" }],
    ["以内", { k: "post", b: "atMost", raw: "以内" }],
    ["左右", { k: "post", b: "approx", raw: "左右" }],
    ["每半年", { k: "every", per: "halfYear", raw: "每半年" }],
    ["每季度", { k: "every", per: "quarter", raw: "每季度" }],
    ["每季", { k: "every", per: "quarter", raw: "每季" }],
    ["每年度", { k: "every", per: "year", raw: "每年度" }],
    ["每年", { k: "every", per: "year", raw: "每年" }],
    ["每月", { k: "every", per: "month", raw: "每月" }],
    ["次/半年", { k: "timesNoNum", raw: "次/半年" }],
    ["次/季度", { k: "timesNoNum", raw: "次/季度" }],
    ["次/年", { k: "timesNoNum", raw: "次/年" }],
    ["次/月", { k: "timesNoNum", raw: "次/月" }],
    ["之和", { k: "cumul", raw: "之和" }],
    ["总和", { k: "cumul", raw: "总和" }],
    ["累计", { k: "cumul", raw: "累计" }],
    ["合计", { k: "cumul", raw: "合计" }],
    ["全年", { k: "cumul", raw: "全年" }],
    ["抽查比例及频次", { k: "filler", raw: "抽查比例及频次" }],
    ["抽查比例", { k: "filler", raw: "抽查比例" }],
    ["抽取比例", { k: "filler", raw: "抽取比例" }],
    ["抽查", { k: "filler", raw: "抽查" }],
    ["抽取", { k: "filler", raw: "抽取" }],
    ["检查", { k: "filler", raw: "检查" }],
    ["比例", { k: "filler", raw: "比例" }],
    ["为", { k: "filler", raw: "为" }],
  ] as Array<readonly [string, Token]>
).sort((a, b) => b[0].length - a[0].length);

// Words indexed by their first character, so the scanner tries only the few that can match.
export const WORDS_BY_FIRST = new Map<string, Array<readonly [string, Token]>>();
for (const entry of WORDS) {
  const first = entry[0][0] as string;
  const list = WORDS_BY_FIRST.get(first) ?? [];
  list.push(entry);
  WORDS_BY_FIRST.set(first, list);
}

export const SEPARATORS = new Set([";", ",", ":", "、", "(", ")", "[", "]", "{", "}", "【", "】", "〔", "〕", "|", "~", "。", "，", "；", "：", "/", "—", "–", "-", "−", "\"", "'", "“", "”", "‘", "’", "*", "+", "&", "及", "和"]);
export const COUNT_UNITS = new Set(["家", "户", "个", "所", "人", "项", "台", "辆", "条", "处", "座", "艘", "批"]);
export const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
export const PERIODS: ReadonlyArray<readonly [string, Per]> = [
  ["半年", "halfYear"],
  ["季度", "quarter"],
  ["季", "quarter"],
  ["年", "year"],
  ["月", "month"],
];
export const UNDECIDED = ["待定", "待确定", "另定", "另行确定", "视情况", "根据实际", "不确定"];
