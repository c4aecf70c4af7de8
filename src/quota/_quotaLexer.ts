// The scanner of a quota cell: normalised text to tokens in one left-to-right pass. Part of parseQuota (see
// _quotaWords.ts).
import { PERIOD_WORDS } from "../calendar/period.js";
import { CN_DIGITS, COUNT_UNITS, type Per, SEPARATORS, type Token, WORDS_BY_FIRST } from "./_quotaWords.js";

const NUMBER = /[0-9]+(?:\.[0-9]+)?/y;
/** Digits beyond which a number is no quota (quota_number_too_long). */
export const MAX_NUMBER_LENGTH = 12;

/** An ASCII digit, by char code (NaN past either end of the text is none). */
const isDigitCode = (c: number) => c >= 48 && c <= 57;

// The scanner looks every character up by its char code: `s[i]` makes a string of each CJK character (no cache for
// two-byte characters), a million of them for a cell of a million characters, all garbage.
const code = (ch: string) => ch.charCodeAt(0);
const WORDS_BY_CODE = new Map<number, Array<readonly [string, Token]>>();
for (const [first, words] of WORDS_BY_FIRST) WORDS_BY_CODE.set(code(first), words);
const SEPARATOR_CODES = new Set(Array.from(SEPARATORS, code));
const CN_DIGIT_CODES = new Set(Object.keys(CN_DIGITS).map(code));
const NO_WORDS: ReadonlyArray<readonly [string, Token]> = [];

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
  for (const p of PERIOD_WORDS) if (s.startsWith(p[0], i)) return p;
  return undefined;
}

/**
 * Splits normalised text into tokens in one left-to-right pass (linear time; every regex is sticky and flat).
 * `spans` receives each token's [start, end) in `s`, two numbers per token.
 */
export function lex(s: string, spans: number[]): Token[] {
  const tokens: Token[] = [];
  // Text between tokens is one slice of `s` (a string grown a character at a time was a rope to flatten).
  let textStart = -1;
  let textEnd = -1;
  const flush = () => {
    if (textStart >= 0) tokens.push({ k: "text", raw: s.slice(textStart, textEnd) }), spans.push(textStart, textEnd);
    textStart = -1;
  };
  // Every push below is followed by the span of what it consumed.
  const mark = (from: number, to: number) => {
    while (spans.length < tokens.length * 2) spans.push(from, to);
  };
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    // A minus sign only when it cannot be a range dash ("3-8月").
    if ((c === 0x2d || c === 0x2212) && isDigitCode(s.charCodeAt(i + 1)) && !isDigitCode(s.charCodeAt(i - 1))) {
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
    if (isDigitCode(c)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(s) as RegExpExecArray;
      flush();
      const from = i;
      i = scanUnit(s, i + m[0].length, m[0], false, tokens);
      mark(from, i);
      continue;
    }
    if (CN_DIGIT_CODES.has(c)) {
      let j = i;
      while (j < s.length && j - i < 3 && CN_DIGIT_CODES.has(s.charCodeAt(j))) j++;
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
    for (const [word, token] of WORDS_BY_CODE.get(c) ?? NO_WORDS) {
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
    if (SEPARATOR_CODES.has(c)) {
      flush();
      if (tokens.length === 0 || tokens[tokens.length - 1]?.k !== "sep") tokens.push({ k: "sep" }), mark(i, i + 1);
      else spans[spans.length - 1] = i + 1;
      i++;
      continue;
    }
    const cp = s.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    if (textStart < 0) textStart = i;
    textEnd = i + width;
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
