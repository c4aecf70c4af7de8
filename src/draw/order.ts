/**
 * Compares two strings in Unicode code point order, which is also the byte order of their UTF-8 encodings
 * (JS's `<` and default `sort()` compare UTF-16 code units, which differs for astral characters vs
 * U+E000–U+FFFF).
 * @returns a negative number, 0 or a positive number, as `Array.prototype.sort` expects.
 * @example
 * ```ts
 * ["\u{FF21}", "\u{1F600}"].sort(compareCodePoints)
 * //=> ["Ａ", "😀"]
 * ```
 * @public
 */
export function compareCodePoints(a: string, b: string): number {
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


/**
 * Sorts strings in place in code point order. `hasSurrogates` false allows the fast path (UTF-16 order is code
 * point order when no string holds a surrogate).
 * @internal
 */
export function sortCodePointsInPlace(values: string[], hasSurrogates: boolean): string[] {
  return hasSurrogates ? values.sort(compareCodePoints) : values.sort();
}

/**
 * Position (0-based, in UTF-16 code units) of the first lone surrogate in `text`, or -1 when it is well formed.
 * @internal
 */
export function loneSurrogateAt(text: string): number {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && k + 1 < text.length) {
      const d = text.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        k++;
        continue;
      }
    }
    return k;
  }
  return -1;
}
