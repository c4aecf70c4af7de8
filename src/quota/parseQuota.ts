import type { Quota, QuotaCount, QuotaFrequency, QuotaRatio } from "../model/quota.js";
import { capResult } from "../_internal/capIssues.js";
import { fail, type Issue, type Result, settle } from "../result.js";
import { describeQuota } from "./_describe.js";
import { reduce } from "../_internal/fraction.js";
import { issue } from "./_issue.js";

type Per = QuotaFrequency["per"];
type FigureBound = "exact" | "atLeast" | "atMost" | "approx";

type Token =
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
const WORDS: ReadonlyArray<readonly [string, Token]> = (
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
const WORDS_BY_FIRST = new Map<string, Array<readonly [string, Token]>>();
for (const entry of WORDS) {
  const first = entry[0][0] as string;
  const list = WORDS_BY_FIRST.get(first) ?? [];
  list.push(entry);
  WORDS_BY_FIRST.set(first, list);
}

const SEPARATORS = new Set([";", ",", ":", "、", "(", ")", "[", "]", "{", "}", "【", "】", "〔", "〕", "|", "~", "。", "，", "；", "：", "/", "—", "–", "-", "−", "\"", "'", "“", "”", "‘", "’", "*", "+", "&", "及", "和"]);
const COUNT_UNITS = new Set(["家", "户", "个", "所", "人", "项", "台", "辆", "条", "处", "座", "艘", "批"]);
const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const PERIODS: ReadonlyArray<readonly [string, Per]> = [
  ["半年", "halfYear"],
  ["季度", "quarter"],
  ["季", "quarter"],
  ["年", "year"],
  ["月", "month"],
];
const UNDECIDED = ["待定", "待确定", "另定", "另行确定", "视情况", "根据实际", "不确定"];
const NUMBER = /[0-9]+(?:\.[0-9]+)?/y;
const MAX_NUMBER_LENGTH = 12;

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

function cnValue(raw: string): number | undefined {
  // 一…十, 十一…十九, 二十…九十九: the only forms planners use for counts and times.
  if (raw.length === 1) return CN_DIGITS[raw];
  const ten = raw.indexOf("十");
  if (ten < 0 || raw.indexOf("十", ten + 1) >= 0) return undefined;
  const high = ten === 0 ? 1 : CN_DIGITS[raw.slice(0, ten)];
  const lowText = raw.slice(ten + 1);
  const low = lowText === "" ? 0 : CN_DIGITS[lowText];
  if (high === undefined || low === undefined || high === 10 || low === 10) return undefined;
  return high * 10 + low;
}

function periodAt(s: string, i: number): readonly [string, Per] | undefined {
  for (const p of PERIODS) if (s.startsWith(p[0], i)) return p;
  return undefined;
}

/**
 * Splits normalised text into tokens in one left-to-right pass (linear time; every regex is sticky and flat).
 * `spans` receives each token's [start, end) in `s`, two numbers per token.
 */
function lex(s: string, spans: number[]): Token[] {
  const tokens: Token[] = [];
  let text = "";
  let textStart = 0;
  const flush = () => {
    if (text !== "") tokens.push({ k: "text", raw: text }), spans.push(textStart, textStart + text.length);
    text = "";
  };
  // Every push below is followed by the span of what it consumed.
  const mark = (from: number, to: number) => {
    while (spans.length < tokens.length * 2) spans.push(from, to);
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i] as string;
    // A minus sign only when it cannot be a range dash ("3-8月").
    if ((ch === "-" || ch === "−") && isDigit(s[i + 1]) && !isDigit(s[i - 1])) {
      NUMBER.lastIndex = i + 1;
      const m = NUMBER.exec(s);
      if (m) {
        flush();
        const from = i;
        i = scanUnit(s, i + 1 + m[0].length, m[0], true, tokens);
        mark(from, i);
        continue;
      }
    }
    if (isDigit(ch)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(s) as RegExpExecArray;
      flush();
      const from = i;
      i = scanUnit(s, i + m[0].length, m[0], false, tokens);
      mark(from, i);
      continue;
    }
    if (CN_DIGITS[ch] !== undefined) {
      let j = i;
      while (j < s.length && j - i < 3 && CN_DIGITS[s[j] as string] !== undefined) j++;
      const raw = s.slice(i, j);
      const value = cnValue(raw);
      const next = s[j];
      if (value !== undefined && next !== undefined && (next === "次" || COUNT_UNITS.has(next))) {
        flush();
        if (next === "次") tokens.push({ k: "cn", value, unit: "times", raw: `${raw}次` });
        else tokens.push({ k: "cn", value, unit: "count", raw: `${raw}${next}` });
        mark(i, j + 1);
        i = j + 1;
        continue;
      }
    }
    let matched = false;
    for (const [word, token] of WORDS_BY_FIRST.get(ch) ?? []) {
      if (s.startsWith(word, i)) {
        flush();
        tokens.push(token);
        mark(i, i + word.length);
        i += word.length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (SEPARATORS.has(ch)) {
      flush();
      if (tokens.length === 0 || tokens[tokens.length - 1]?.k !== "sep") tokens.push({ k: "sep" }), mark(i, i + 1);
      else spans[spans.length - 1] = i + 1;
      i++;
      continue;
    }
    const cp = s.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    if (text === "") textStart = i;
    text += s.slice(i, i + width);
    i += width;
  }
  flush();
  return tokens;
}

/** Reads what follows a number at position j and pushes the number token; returns the next position. */
function scanUnit(s: string, j: number, raw: string, neg: boolean, tokens: Token[]): number {
  const next = s[j];
  if (next === "%") {
    tokens.push({ k: "num", raw, neg, unit: "pct" });
    return j + 1;
  }
  if (next === "‰") {
    tokens.push({ k: "num", raw, neg, unit: "permille" });
    return j + 1;
  }
  if (next === "次") {
    if (s[j + 1] === "/") {
      const p = periodAt(s, j + 2);
      if (p) {
        tokens.push({ k: "num", raw, neg, unit: "times", per: p[1] });
        return j + 2 + p[0].length;
      }
    }
    tokens.push({ k: "num", raw, neg, unit: "times" });
    return j + 1;
  }
  if (next === "/") {
    const p = periodAt(s, j + 1);
    if (p) {
      tokens.push({ k: "num", raw, neg, unit: "times", per: p[1] });
      return j + 1 + p[0].length;
    }
  }
  if (next !== undefined && COUNT_UNITS.has(next)) {
    tokens.push({ k: "num", raw, neg, unit: "count" });
    return j + 1;
  }
  if (next === "年" || next === "月" || next === "日" || next === "号") {
    tokens.push({ k: "num", raw, neg, unit: "date" });
    return j + 1;
  }
  // "2023.04" / "2023.4" is a year and month, not a decimal.
  tokens.push({ k: "num", raw, neg, unit: /^[0-9]{4}\.[0-9]{1,2}$/.test(raw) ? "date" : "bare" });
  return j;
}

/** Moves the decimal point of a plain decimal string `shift` places to the right ("0.05", 2 → "5"). */
function shiftDecimal(raw: string, shift: number): string {
  const [int = "", frac = ""] = raw.split(".");
  const digits = int + frac.padEnd(shift, "0");
  const point = int.length + shift;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const rest = digits.slice(point).replace(/0+$/, "");
  return rest === "" ? whole : `${whole}.${rest}`;
}

const DATE_LIKE = /[0-9][年月日号]|月份|上半年|下半年|全年|季度|月初|月底|月末|年初|年底|每月|^[0-9]{4}[.\-/][0-9]{1,2}|^[0-9]{6}$|^[0-9]{1,2}\.[0-9]{1,2}[-—~至][0-9]/;
const RISK_LIKE = /风险|信用/;
const DEPARTMENT_LIKE = /(局|委|委员会|办公室|办|大队|支队|中队|中心|站|队|厅)$/;
const SCOPE_LIKE = /企业|单位|场所|机构|主体|经营者|部门|公司|市场|项目|商户|个体|门店|工地/;

function classifyShift(s: string): { zh: string; en: string } | undefined {
  if (RISK_LIKE.test(s)) return { zh: "“信用风险分类要求”栏的内容", en: "the credit-risk requirement column" };
  if (DATE_LIKE.test(s)) return { zh: "日期", en: "a date" };
  if (s.length <= 20 && DEPARTMENT_LIKE.test(s)) return { zh: "部门名称", en: "a department name" };
  if (SCOPE_LIKE.test(s)) return { zh: "检查对象范围", en: "the scope of entities" };
  return undefined;
}

interface Figure {
  kind: "ratio" | "count";
  ratio?: QuotaRatio;
  count?: QuotaCount;
  label?: string;
  /** Token index of the label. */
  labelAt?: number;
  raw: string;
}

interface Piece {
  figure?: Figure;
  frequency?: QuotaFrequency;
  frequencyRaw?: string;
  /** Token index of a "每年对…" frequency, which a written frequency overrides. */
  soft?: number;
}

/**
 * Reads a 抽查比例 / 抽查比例及频次 / 抽查数量 cell as planners write it into a {@link Quota}: a ratio
 * (reduced fraction), a count, a frequency, sub-population `segments`, and whether the ratio is summed
 * over the year (`cumulative`).
 *
 * @remarks
 * Full- and half-width forms are the same (NFKC); spaces and line breaks inside the cell are ignored; a
 * trailing "。" is dropped. "不低于/不少于/至少/≥/以上" bind `atLeast`, "不超过/不高于/≤/以下/以内"
 * `atMost`, "约/左右" make a count `approx`. "每半年 20%" is 20% once per half year; "抽查1次" is once
 * per task window (`per: "plan"`); "全年…" and "…之和" make the ratio `cumulative`.
 * Nothing is ever guessed: a bare "0.2" (20% or 0.2%?), "100" (100% or 100 entities?), "待定", "-5%",
 * "120%", an empty cell and a cell holding another column's text (a date, a department, the scope, the
 * credit-risk requirement) are issues. Several ratios become `segments` when each names its
 * sub-population ("三级医院≥50%，二级医院≥30%"), otherwise `unsupported_structure`.
 * The scanner is a single left-to-right pass with flat sticky regexes: linear in the text length.
 *
 * Issue codes: `quota_empty`, `quota_undecided`, `quota_bare_number`, `quota_negative`, `quota_over_100`,
 * `quota_number_too_long`, `quota_column_shift`, `quota_unrecognized`, `quota_unrecognized_text`,
 * `unsupported_structure` (errors); `quota_frequency_incomplete`, `quota_frequency_bound_ignored`,
 * `quota_base_described`, `quota_approx_ratio`, `quota_zero` (warnings).
 *
 * @param text - the cell text, exactly as in the plan.
 * @returns the quota (with `text` kept verbatim), or the issues that stop it.
 * @example
 * ```ts
 * parseQuota("不低于10%；不少于4户；1次/年")
 * //=> { ok: true, value: { ratio: { numerator: 1, denominator: 10, bound: "atLeast" },
 * //     count: { value: 4, bound: "atLeast" }, frequency: { times: 1, per: "year" },
 * //     text: "不低于10%；不少于4户；1次/年" }, warnings: [] }
 * parseQuota("0.2").ok
 * //=> false   (issue quota_bare_number: 20% or 0.2%?)
 * ```
 * @public
 */
export function parseQuota(text: string): Result<Quota> {
  // One cell: a hostile one reports its first issues and counts the rest.
  return capResult(readQuota(text), issue);
}

function readQuota(text: string): Result<Quota> {
  const original = typeof text === "string" ? text : String(text);
  // Spaces between two numbers separate them ("100 1次/年"); any other space or line break is layout.
  const norm = normalizeWithOffsets(original);
  let s = norm.s;
  while (s.endsWith("。") || s.endsWith(".")) s = s.slice(0, -1);
  if (s === "" || s === "-" || s === "/" || s === "—" || s === "无") {
    return fail([issue("quota_empty")]);
  }
  for (const word of UNDECIDED) {
    if (s.includes(word)) return fail([issue("quota_undecided", { text: original })]);
  }
  if (/^[0-9]{6}$|^[0-9]{4}[.\-/][0-9]{1,2}$/.test(s)) {
    return fail([issue("quota_column_shift", { text: original, looksLike: { zh: "日期", en: "a date" } })]);
  }

  const spans: number[] = [];
  const tokens = lex(s, spans);
  let lastNumber = -1;
  let lastRatio = -1;
  for (let k = 0; k < tokens.length; k++) {
    const x = tokens[k] as Token;
    if (x.k === "num") lastNumber = k;
    if (x.k === "num" && (x.unit === "pct" || x.unit === "permille")) lastRatio = k;
  }
  // "我市12家三级医院，30家二级医院，抽查比例不低于100%": a count followed by the noun it counts, before the
  // ratio and not after 抽查/抽取 or a bound, says how many entities exist; it is not a quota.
  const population = (t: number, bound: unknown): boolean => {
    const next = tokens[t + 1];
    const prev = tokens[t - 1];
    return bound === undefined && next?.k === "text" && lastRatio > t && prev?.k !== "filler";
  };
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const pieces: Piece[] = [];
  // Tokens not used for the quota (by index): quoted verbatim from the cell afterwards.
  const unused: number[] = [];
  const strayText: string[] = [];
  const stray = (t: number) => {
    unused.push(t);
    const tok = tokens[t] as Token;
    strayText.push("raw" in tok ? tok.raw : "");
  };
  let cumulative = false;
  let populationSeen = false;
  let pendingBound: { b: FigureBound; raw: string; t: number } | undefined;
  let pendingLabel: { raw: string; t: number } | undefined;
  let hasDate = false;

  const takeBound = (): { b: FigureBound; raw: string } | undefined => {
    const b = pendingBound;
    pendingBound = undefined;
    return b;
  };
  const takeLabel = (): { raw: string; t: number } | undefined => {
    const l = pendingLabel;
    pendingLabel = undefined;
    return l;
  };
  const dropLabel = () => {
    if (pendingLabel !== undefined) stray(pendingLabel.t);
    pendingLabel = undefined;
  };
  // A label is text right before a figure, fillers and "之和" between them allowed ("二级机构抽查比例之和≥30%").
  const figureFollows = (t: number): boolean => {
    let j = t + 1;
    while (j < tokens.length && (tokens[j]?.k === "filler" || tokens[j]?.k === "cumul")) j++;
    const next = tokens[j];
    return next !== undefined && (next.k === "num" || next.k === "bound" || (next.k === "cn" && next.unit === "count"));
  };

  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t] as Token;
    switch (tok.k) {
      case "text": {
        dropLabel();
        const next = tokens[t + 1];
        if (tok.raw.endsWith("的") && next && (next.k === "num" || next.k === "bound")) {
          warnings.push(issue("quota_base_described", { part: tok.raw.slice(0, -1) }));
        } else if (figureFollows(t)) {
          // "对三级定点医疗机构": who is checked is the label, without the preposition.
          pendingLabel = { raw: tok.raw.startsWith("对") && tok.raw.length > 1 ? tok.raw.slice(1) : tok.raw, t };
        } else {
          stray(t);
        }
        break;
      }
      case "bound":
        if (pendingBound) stray(pendingBound.t);
        pendingBound = { b: tok.b, raw: tok.raw, t };
        break;
      case "post": {
        const last = pieces[pieces.length - 1];
        const prev = tokens[t - 1];
        if (!last?.figure || !prev || prev.k !== "num") {
          stray(t);
          break;
        }
        applyBound(last.figure, tok.b, tok.raw, warnings);
        break;
      }
      case "every": {
        dropLabel();
        let next = tokens[t + 1];
        // "每年对…机构抽查比例≥20%": who checks whom, once a year; a frequency written elsewhere wins over it.
        if (next && next.k === "text" && next.raw.startsWith("对")) {
          pieces.push({ frequency: { times: 1, per: tok.per }, frequencyRaw: tok.raw, soft: t });
          break;
        }
        const after = tokens[t + 2];
        if (next && next.k === "bound" && after && (after.k === "cn" || after.k === "num") && after.unit === "times") {
          warnings.push(issue("quota_frequency_bound_ignored", { part: next.raw, times: after.k === "cn" ? after.value : Number(after.raw) }));
          t++;
          next = after;
        }
        if (next && next.k === "num" && next.unit === "times" && next.per === undefined) {
          next.per = tok.per;
          break;
        }
        if (next && next.k === "cn" && next.unit === "times") {
          pieces.push({ frequency: { times: next.value, per: tok.per }, frequencyRaw: `${tok.raw}${next.raw}` });
          t++;
          break;
        }
        pieces.push({ frequency: { times: 1, per: tok.per }, frequencyRaw: tok.raw });
        break;
      }
      case "timesNoNum":
        dropLabel();
        warnings.push(issue("quota_frequency_incomplete", { part: tok.raw }));
        break;
      case "cumul": {
        const next = tokens[t + 1];
        // "全年" alone is a window, not a quota; "全年不低于…10%" and "…之和≥20%" sum over the year.
        if (tok.raw === "全年" && lastNumber < t) {
          stray(t);
          hasDate = true;
          break;
        }
        void next;
        cumulative = true;
        break;
      }
      case "filler":
        break;
      case "sep":
        dropLabel();
        if (pendingBound) {
          stray(pendingBound.t);
          pendingBound = undefined;
        }
        break;
      case "cn": {
        const bound = takeBound();
        if (tok.unit === "times") {
          dropLabel();
          if (bound && bound.b !== "exact") {
            warnings.push(issue("quota_frequency_bound_ignored", { part: bound.raw, times: tok.value }));
          }
          pieces.push({ frequency: { times: tok.value, per: "plan" }, frequencyRaw: tok.raw });
        } else if (population(t, bound)) {
          dropLabel();
          unused.push(t);
          populationSeen = true;
        } else {
          const figure: Figure = { kind: "count", count: { value: tok.value, bound: bound?.b ?? "exact" }, raw: tok.raw };
          const label = takeLabel();
          if (label !== undefined) (figure.label = label.raw), (figure.labelAt = label.t);
          pieces.push({ figure });
        }
        break;
      }
      case "num": {
        const bound = takeBound();
        if (tok.unit === "date") {
          dropLabel();
          hasDate = true;
          stray(t);
          break;
        }
        if (tok.raw.length > MAX_NUMBER_LENGTH) {
          errors.push(issue("quota_number_too_long", { number: tok.raw.slice(0, 20) }));
          break;
        }
        const shown = `${tok.neg ? "-" : ""}${tok.raw}${tok.unit === "pct" ? "%" : tok.unit === "permille" ? "‰" : ""}`;
        if (tok.neg) {
          errors.push(issue("quota_negative", { number: shown }));
          break;
        }
        if (tok.unit === "times") {
          dropLabel();
          if (tok.raw.includes(".") || Number(tok.raw) < 1) {
            errors.push(issue("quota_unrecognized_text", { text: original, part: quote(`${tok.raw}次`) }));
            break;
          }
          if (bound && bound.b !== "exact") {
            warnings.push(issue("quota_frequency_bound_ignored", { part: bound.raw, times: Number(tok.raw) }));
          }
          pieces.push({ frequency: { times: Number(tok.raw), per: tok.per ?? "plan" }, frequencyRaw: `${tok.raw}次` });
          break;
        }
        if (tok.unit === "bare") {
          dropLabel();
          const readings = tok.raw.includes(".")
            ? `${shiftDecimal(tok.raw, 2)}% / ${tok.raw}%`
            : `${tok.raw}% / ${tok.raw}家`;
          errors.push(issue("quota_bare_number", { number: tok.raw, readings }));
          break;
        }
        if (tok.unit === "count" && population(t, bound)) {
          dropLabel();
          unused.push(t);
          populationSeen = true;
          break;
        }
        if (tok.unit === "count") {
          if (tok.raw.includes(".")) {
            errors.push(issue("quota_unrecognized_text", { text: original, part: quote(tok.raw) }));
            break;
          }
          const figure: Figure = { kind: "count", count: { value: Number(tok.raw), bound: bound?.b ?? "exact" }, raw: tok.raw };
          const label = takeLabel();
          if (label !== undefined) (figure.label = label.raw), (figure.labelAt = label.t);
          pieces.push({ figure });
          break;
        }
        // pct or permille: an exact decimal turned into a reduced fraction.
        const [int = "0", frac = ""] = tok.raw.split(".");
        const scale = tok.unit === "pct" ? 100n : 1000n;
        const f = reduce(BigInt(int + frac), 10n ** BigInt(frac.length) * scale);
        if (f.n > f.d) {
          errors.push(issue("quota_over_100", { number: shown }));
          break;
        }
        if (f.n === 0n) warnings.push(issue("quota_zero"));
        let b: FigureBound = bound?.b ?? "exact";
        if (b === "approx") {
          warnings.push(issue("quota_approx_ratio", { part: shown }));
          b = "exact";
        }
        const figure: Figure = {
          kind: "ratio",
          ratio: { numerator: Number(f.n), denominator: Number(f.d), bound: b },
          raw: `${bound?.raw ?? ""}${shown}`,
        };
        const label = takeLabel();
        if (label !== undefined) (figure.label = label.raw), (figure.labelAt = label.t);
        pieces.push({ figure });
        break;
      }
    }
  }
  dropLabel();
  if (pendingBound) stray(pendingBound.t);

  if (errors.length > 0) return fail([...errors, ...warnings]);

  // A "每年对…" frequency gives way to one written as such ("…≥20%;1次/年"); its words are then unused.
  // (One pass that keeps the others: a splice per soft frequency made a cell of many "每年对…" quadratic.)
  if (pieces.some((p) => p.frequency && p.soft === undefined)) {
    let kept = 0;
    for (const p of pieces) {
      if (p.soft !== undefined) stray(p.soft);
      else pieces[kept++] = p;
    }
    pieces.length = kept;
  }
  let figures = pieces.filter((p) => p.figure).map((p) => p.figure as Figure);
  const frequencies = pieces.filter((p) => p.frequency);
  // One ratio with a label: the label says whom it is of ("…经办机构抽查比例之和≥20%"), not a sub-population.
  if (figures.filter((f) => f.kind === "ratio").length < 2 && figures.filter((f) => f.label !== undefined).length === 1) {
    for (const f of figures) if (f.labelAt !== undefined) stray(f.labelAt), delete f.label, delete f.labelAt;
    figures = pieces.filter((p) => p.figure).map((p) => p.figure as Figure);
  }

  if (figures.length === 0 && frequencies.length === 0) {
    const shift = classifyShift(s);
    if (shift || hasDate) {
      const looks = shift ?? { zh: "日期", en: "a date" };
      return fail([issue("quota_column_shift", { text: original, looksLike: looks })]);
    }
    return fail([issue("quota_unrecognized", { text: original })]);
  }
  let unusedWords: { zh: string; en: string } | undefined;
  const vague: string[] = [];
  if (unused.length > 0) {
    const quoted = quoteSpans(original, norm, s.length, tokens, spans, unused);
    // Dates, digits or a time of day among the unused words: the cell mixes columns or says something the
    // quota would change with; that stays an error. Other words (who checks whom, how many entities there
    // are) are quoted in a warning.
    if (hasDate || strayText.some((w) => /工作日|月份|季度/.test(w))) {
      return fail([issue("quota_unrecognized_text", { text: original, part: quoted }), ...warnings]);
    }
    // Words are only accepted as a sentence about the quota: who checks whom ("…对…", "抽查比例"), how many
    // entities there are ("我市12家…"). A bare noun phrase before the figure ("全市治安保卫重点单位 每季度 20%")
    // is the scope in the wrong column, and a hedge ("原则上20%") changes the figure: both stay errors.
    const sentence = tokens.some((x) => x.k === "filler" && x.raw !== "为") || strayText.some((w) => w.startsWith("对")) || populationSeen;
    if (!sentence) return fail([issue("quota_unrecognized_text", { text: original, part: quoted }), ...warnings]);
    unusedWords = quoted;
    for (const m of quoted.zh.matchAll(/一定比例|适当比例|一定数量|部分比例/g)) if (!vague.includes(m[0])) vague.push(m[0]);
  }

  const ratios = figures.filter((f) => f.kind === "ratio");
  const labelled = figures.filter((f) => f.label !== undefined);
  if (labelled.length > 0) {
    // Sub-populations: every ratio must name its scope, and the pieces split at each label.
    if (ratios.length < 2 || ratios.some((f) => f.label === undefined) || figures[0]?.label === undefined) {
      if (ratios.length < 2 && labelled.length === 1) {
        return fail([issue("quota_unrecognized_text", { text: original, part: quote(labelled[0]?.label ?? "") }), ...warnings]);
      }
      return fail([
        issue("unsupported_structure", { text: original, detail: figures.map((f) => f.raw).join(" / ") }),
        ...warnings,
      ]);
    }
    // Pieces before the first scope ("每半年：三级≥50%，二级≥30%") are shared by every segment.
    const shared: Piece[] = [];
    const groups: Piece[][] = [];
    for (const p of pieces) {
      if (p.figure?.label !== undefined) groups.push([p]);
      else if (groups.length === 0) shared.push(p);
      else (groups[groups.length - 1] as Piece[]).push(p);
    }
    // A frequency written once after the last sub-population ("三级≥50%，二级≥30%；1次/年") is everyone's.
    const withFrequency = groups.filter((g) => g.some((x) => x.frequency));
    const lastGroup = groups[groups.length - 1] as Piece[];
    if (withFrequency.length === 1 && withFrequency[0] === lastGroup && groups.length > 1) {
      const k = lastGroup.findIndex((x) => x.frequency);
      if (k > 0) shared.push(lastGroup.splice(k, 1)[0] as Piece);
    }
    const segments: Array<{ scope: string; quota: Quota }> = [];
    // The first shared frequency goes to each segment that has none (found once: a scan of the shared pieces per
    // segment made a cell of many frequencies and many segments quadratic).
    const sharedFrequency = shared.find((p) => p.frequency);
    for (const g of groups) {
      if (sharedFrequency && !g.some((x) => x.frequency)) g.push(sharedFrequency);
      const head = g[0]?.figure as Figure;
      const sub = assemble(g, original, `${head.label as string}${head.raw}`);
      if (!sub.ok) return fail([...sub.issues, ...warnings]);
      segments.push({ scope: head.label as string, quota: sub.value });
    }
    const q: Quota = { segments, text: original };
    if (cumulative) q.cumulative = true;
    return settle(q, withUnused(q, warnings, unusedWords, vague));
  }

  const whole = assemble(pieces, original, original);
  if (!whole.ok) return fail([...whole.issues, ...warnings]);
  const q = whole.value;
  if (cumulative) q.cumulative = true;
  return settle(q, withUnused(q, warnings, unusedWords, vague));
}

function quote(part: string): { zh: string; en: string } {
  return { zh: `“${part}”`, en: `"${part}"` };
}

function withUnused(q: Quota, warnings: Issue[], words: { zh: string; en: string } | undefined, vague: readonly string[]): Issue[] {
  if (words === undefined) return warnings;
  const out = [...warnings, issue("quota_words_unused", { read: describeQuota(q), words })];
  for (const v of vague) out.push(issue("quota_ratio_without_number", { part: v }));
  return out;
}

/** Characters NFKC leaves alone and that are no space: printable ASCII and the CJK Unified Ideographs block. */
const stable = (c: number) => (c >= 0x21 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff);

/**
 * The cell with NFKC applied per character and spaces dropped, and where each kept character came from.
 * Runs of characters NFKC leaves alone are copied whole and the offsets live in typed arrays: on a cell of a million
 * characters, a string and two arrays per character made the garbage collector the larger part of the work.
 */
function normalizeWithOffsets(original: string): { s: string; from: Int32Array; to: Int32Array } {
  const length = original.length;
  let from = new Int32Array(length + 8);
  let to = new Int32Array(length + 8);
  let n = 0;
  const room = (k: number) => {
    if (n + k <= from.length) return;
    const size = Math.max(n + k, from.length * 2);
    const f = new Int32Array(size);
    const t = new Int32Array(size);
    f.set(from);
    t.set(to);
    from = f;
    to = t;
  };
  const parts: string[] = [];
  let i = 0;
  let lastDigit = false;
  while (i < length) {
    if (stable(original.charCodeAt(i))) {
      let j = i + 1;
      while (j < length && stable(original.charCodeAt(j))) j++;
      room(j - i);
      for (let k = i; k < j; k++) (from[n] = k), (to[n] = k + 1), n++;
      parts.push(original.slice(i, j));
      const last = original.charCodeAt(j - 1);
      lastDigit = last >= 48 && last <= 57;
      i = j;
      continue;
    }
    const cp = original.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    if (/\s/.test(ch)) {
      let j = i + width;
      while (j < length && /\s/.test(original[j] as string)) j++;
      const next = original[j];
      const nextDigit = next !== undefined && /[0-9０-９]/.test(next);
      if (lastDigit && nextDigit) room(1), parts.push(";"), (from[n] = i), (to[n] = j), n++;
      i = j;
      continue;
    }
    const norm = cp < 0x80 ? ch : ch.normalize("NFKC");
    room(norm.length);
    for (let k = 0; k < norm.length; k++) (from[n] = i), (to[n] = i + width), n++;
    parts.push(norm);
    lastDigit = norm.length > 0 && norm.charCodeAt(norm.length - 1) >= 48 && norm.charCodeAt(norm.length - 1) <= 57;
    i += width;
  }
  return { s: parts.join(""), from: from.subarray(0, n), to: to.subarray(0, n) };
}

const MAX_QUOTED_SPANS = 5;
const MAX_QUOTED_LENGTH = 60;

/** The unused tokens as the cell writes them: runs joined across separators, each quoted, capped per cell. */
function quoteSpans(
  original: string, norm: { from: Int32Array; to: Int32Array }, length: number, tokens: readonly Token[], spans: readonly number[], unused: readonly number[],
): { zh: string; en: string } {
  const sorted = [...new Set(unused)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  const loose = (k: number) => tokens[k]?.k === "sep" || tokens[k]?.k === "filler";
  for (const t of sorted) {
    const last = runs[runs.length - 1];
    // Consecutive unused tokens, or two separated only by separators and fillers, are one run.
    let joined = false;
    if (last) {
      joined = true;
      for (let k = last[1] + 1; k < t && joined; k++) if (!loose(k)) joined = false;
    }
    if (last && joined) last[1] = t;
    else runs.push([t, t]);
  }
  // A run takes the fillers just before it ("抽取一定比例的…"); those after it lead to the figure.
  for (const r of runs) while (r[0] > 0 && tokens[r[0] - 1]?.k === "filler") r[0]--;
  const texts: string[] = [];
  for (const [a, b] of runs.slice(0, MAX_QUOTED_SPANS)) {
    const start = Math.min(spans[a * 2] ?? 0, length - 1);
    const end = Math.min(spans[b * 2 + 1] ?? length, length) - 1;
    const o0 = start >= 0 && start < norm.from.length ? (norm.from[start] as number) : 0;
    const o1 = end >= 0 && end < norm.to.length ? (norm.to[end] as number) : original.length;
    let t = original.slice(o0, o1).trim();
    if (t.length > MAX_QUOTED_LENGTH) t = `${t.slice(0, MAX_QUOTED_LENGTH - 1)}…`;
    if (t !== "") texts.push(t);
  }
  const more = runs.length > MAX_QUOTED_SPANS ? runs.length - MAX_QUOTED_SPANS : 0;
  return {
    zh: texts.map((t) => `“${t}”`).join("，") + (more > 0 ? `等（另有${more}处）` : ""),
    en: texts.map((t) => `"${t}"`).join(", ") + (more > 0 ? ` (and ${more} more)` : ""),
  };
}



function applyBound(figure: Figure, b: FigureBound, raw: string, warnings: Issue[]): void {
  if (figure.kind === "ratio" && figure.ratio) {
    if (b === "approx") warnings.push(issue("quota_approx_ratio", { part: `${figure.raw}${raw}` }));
    else figure.ratio = { ...figure.ratio, bound: b };
  } else if (figure.count) {
    figure.count = { ...figure.count, bound: b };
  }
}

/** One quota from pieces holding at most one ratio, one count and one frequency. */
function assemble(pieces: readonly Piece[], original: string, text: string): Result<Quota> {
  const ratios = pieces.filter((p) => p.figure?.kind === "ratio");
  const counts = pieces.filter((p) => p.figure?.kind === "count");
  const freqs = pieces.filter((p) => p.frequency);
  if (ratios.length > 1 || counts.length > 1 || freqs.length > 1) {
    const detail = pieces.map((p) => p.figure?.raw ?? p.frequencyRaw ?? "").join(" / ");
    return fail([issue("unsupported_structure", { text: original, detail })]);
  }
  const q: Quota = { text };
  const r = ratios[0]?.figure?.ratio;
  const c = counts[0]?.figure?.count;
  const f = freqs[0]?.frequency;
  if (r) q.ratio = r;
  if (c) q.count = c;
  if (f) q.frequency = f;
  return settle(q, []);
}
