import { type Issue } from "../result.js";
import { issue } from "./_issue.js";

/** Characters of a 统一社会信用代码 (GB 32100-2015): digits and upper-case letters without I, O, Z, S, V. */
const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** Position weights 3^(i) mod 31 for the first 17 characters (GB 32100-2015 §5). */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Computes the check character (18th) of a unified social credit code from its first 17 characters.
 *
 * @returns the check character, or `undefined` when a character is outside the code's alphabet.
 * @example
 * ```ts
 * usccCheckCharacter("91350100M000100Y4")
 * //=> "3"
 * ```
 * @public
 */
export function usccCheckCharacter(first17: string): string | undefined {
  if (typeof first17 !== "string") return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17.charAt(i));
    if (v < 0) return undefined;
    sum += v * (USCC_WEIGHTS[i] as number);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARSET.charAt(check);
}

/**
 * Checks a 统一社会信用代码 (unified social credit code): 18 characters of the GB 32100-2015 alphabet
 * and a correct check character.
 *
 * @returns the issues found (empty when valid): `uscc_invalid_length`, `uscc_invalid_character`,
 * `uscc_invalid_check`.
 * @example
 * ```ts
 * validateUscc("91350100M000100Y43")
 * //=> []
 * validateUscc("91350100M000100Y44")[0].code
 * //=> "uscc_invalid_check"
 * ```
 * @public
 */
export function validateUscc(code: string): Issue[] {
  if (typeof code !== "string") return [issue("invalid_type", { path: "uscc", expected: "string", received: typeof code })];
  // Counted in code points without an array of them (a million-character cell made a million strings).
  let length = 0;
  for (let i = 0; i < code.length; i++, length++) {
    const c = code.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < code.length) {
      const d = code.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  if (length !== 18) return [issue("uscc_invalid_length", { value: code, length })];
  const chars = [...code];
  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARSET.includes(chars[i] as string)) {
      return [issue("uscc_invalid_character", { value: code, position: i + 1, char: chars[i] as string })];
    }
  }
  const expected = usccCheckCharacter(code.slice(0, 17)) as string;
  if (expected !== code.charAt(17)) {
    return [issue("uscc_invalid_check", { value: code, expected, received: code.charAt(17) })];
  }
  return [];
}

/**
 * True when a string has the shape of a USCC (18 characters of its alphabet), whatever its check character.
 * @example
 * ```ts
 * looksLikeUscc("91350100M000100Y44")
 * //=> true
 * ```
 * @public
 */
export function looksLikeUscc(code: string): boolean {
  return typeof code === "string" && /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code);
}
