// The fuzz vocabulary of issue 16 item 4: what hostile plan and pool cells are made of — plan words, digits, %, ；,
// 户, 次/年, 月—, and random Unicode (astral characters, combining marks, lone surrogates, controls). Shared by the
// property tests under test/fuzz/ and by bench/parsers.bench.ts, so the bench times what the tests prove safe.
// Seeded (a small xorshift generator): the same seed gives the same cells on every machine.

/** Words and fragments real plan, quota, window and pool cells are made of. */
export const PLAN_WORDS: readonly string[] = [
  "不低于", "不少于", "不超过", "不高于", "以上", "以下", "约", "≥", "≤", "%", "％", "‰", "；", ";", "，", ",", "、", "。",
  "户", "家", "次/年", "次", "/", "年", "每年", "每半年", "每季度", "每月", "半年", "季度", "月", "月—", "—", "-", "~", "至",
  "日", "号", "上半年", "下半年", "第一季度", "第四季度", "全年", "年底前", "抽查比例", "抽查比例之和", "累计", "每批次",
  "1次/年", "2次/年", "10%", "3%", "5‰", "1/10", "不低于10%", "不少于4户", "A类", "B类", "C类", "D类", "×", "倍", "低风险",
  "高风险", "定向", "不定向", "发起部门", "配合部门", "市场监管局", "焦作市", "解放区", "企业", "个体工商户", "农民专业合作社",
  "存续", "注销", "吊销", "91410800", "MA3X", "统一社会信用代码", "（", "）", "(", ")", "“", "”", "\"", "\n", "\r\n", "\t", " ",
  "　", "〇", "一", "二", "两", "三", "十", "百", "全部", "待定", "无", "2023年", "2024年", "6月", "11月", "2023-06-01", "2023.6.1",
  "20230601", "0", "00", "0.5", ".", "e9", "1e400",
];

/** Characters that are not plan words: astral ideographs and emoji, combining marks, controls, lone surrogates. */
const ODD: readonly string[] = ["𡈼", "𠀀", "😀", "\u0301", "\u200b", "\ufeff", "\u0000", "\u001f", "\ud800", "\udc00", "\uffff", "ﬀ", "①", "Ⅻ", "٣", "９"];

/** A seeded generator of 32-bit integers (xorshift32). */
export function generator(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** One random piece: mostly plan words and digit runs, sometimes odd characters or any code point. */
function piece(next: () => number): string {
  const r = next() % 100;
  if (r < 55) return PLAN_WORDS[next() % PLAN_WORDS.length] as string;
  if (r < 75) return String(next() % 10 ** (1 + (next() % 6)));
  if (r < 85) return ODD[next() % ODD.length] as string;
  // Any code point outside the surrogate block (lone surrogates come from ODD).
  const cp = next() % 0x110000;
  return cp >= 0xd800 && cp <= 0xdfff ? "\u2028" : String.fromCodePoint(cp);
}

/** A fuzzed cell of exactly `length` UTF-16 code units (the last piece is cut). */
export function fuzzCell(length: number, seed: number): string {
  const next = generator(seed);
  const parts: string[] = [];
  let n = 0;
  while (n < length) {
    const p = piece(next);
    parts.push(p);
    n += p.length;
  }
  return parts.join("").slice(0, length);
}

/** A short fuzzed cell (0–`max` code units), for the property tests' many samples. */
export function shortCell(next: () => number, max = 40): string {
  const target = next() % (max + 1);
  let s = "";
  while (s.length < target) s += piece(next);
  return s.slice(0, target);
}
