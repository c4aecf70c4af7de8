// Unicode code point order (= UTF-8 byte order), the one canonical string order of every protocol (DESIGN.md
// decision 2). Exported publicly by src/draw/order.ts.
import { throwWrongCall } from "./argument.js";

/**
 * Compares two strings in Unicode code point order, which is also the byte order of their UTF-8 encodings
 * (JS's `<` and default `sort()` compare UTF-16 code units, which differs for astral characters vs
 * U+E000–U+FFFF).
 * @returns a negative number, 0 or a positive number, as `Array.prototype.sort` expects.
 * @throws {@link DoubleRandomError} (`invalid_argument`) when either argument is not a string (a wrong call).
 * @example
 * ```ts
 * ["\u{FF21}", "\u{1F600}"].sort(compareCodePoints)
 * //=> ["Ａ", "😀"]
 * ```
 * @public
 */
export function compareCodePoints(a: string, b: string): number {
  if (typeof a !== "string" || typeof b !== "string") throwWrongCall("compareCodePoints", { zh: "两个参数都应为字符串", en: "both arguments must be strings" });
  const n = a.length < b.length ? a.length : b.length;
  for (let k = 0; k < n; k++) {
    const x = a.charCodeAt(k);
    const y = b.charCodeAt(k);
    if (x !== y) {
      // Shift surrogates above U+E000–U+FFFF so code-unit order becomes code-point order.
      const fx = x >= 0xd800 ? (x <= 0xdfff ? x + 0x2000 : x - 0x800) : x;
      const fy = y >= 0xd800 ? (y <= 0xdfff ? y + 0x2000 : y - 0x800) : y;
      return fx - fy;
    }
  }
  return a.length - b.length;
}
