// How a spreadsheet shows a stored number: the few number-format families that change what a pool or a plan
// means (dates, percents, fixed decimals, long ids); everything else as General.

/** What a number format makes of a number, decided once per format. */
export type NumberFormatKind =
  | { readonly kind: "general" }
  | { readonly kind: "date" }
  | { readonly kind: "time" }
  | { readonly kind: "percent"; readonly decimals: number }
  | { readonly kind: "fixed"; readonly decimals: number };

const GENERAL: NumberFormatKind = { kind: "general" };

// Built-in ids (ECMA-376 §18.8.30, with the ids Excel's East Asian locales add): dates and times.
const BUILTIN_DATE = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILTIN_TIME = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56]);

/** The kind of a built-in number format id, or of a custom format code. */
export function numberFormatKind(id: number, code: string | undefined): NumberFormatKind {
  if (code === undefined) {
    if (BUILTIN_DATE.has(id)) return { kind: "date" };
    if (BUILTIN_TIME.has(id)) return { kind: "time" };
    if (id === 9) return { kind: "percent", decimals: 0 };
    if (id === 10) return { kind: "percent", decimals: 2 };
    if (id === 1 || id === 3) return { kind: "fixed", decimals: 0 };
    if (id === 2 || id === 4) return { kind: "fixed", decimals: 2 };
    return GENERAL;
  }
  return customKind(code);
}

function customKind(code: string): NumberFormatKind {
  // The first section applies to positive numbers; quoted text, [colour]/[$-locale] brackets, escaped and
  // padding characters say nothing about the kind ([h]/[mm]/[ss], elapsed time, do).
  const section = (code.split(";")[0] ?? "")
    .replace(/"[^"]*"/g, "")
    .replace(/\[(h+|m+|s+)\]/gi, "$1")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\.|_.|\*./g, "");
  const lower = section.toLowerCase();
  if (lower === "general" || lower === "@" || lower.trim() === "") return GENERAL;
  // "m" next to an hour or before seconds is minutes; anywhere else it is a month.
  const months = lower.replace(/h+[^a-z0-9]*m+/g, "h").replace(/m+[^a-z0-9]*s/g, "s");
  if (/[yd]/.test(lower) || months.includes("m")) return { kind: "date" };
  if (/[hs]/.test(lower)) return { kind: "time" };
  const decimals = /\.([0#?]+)/.exec(section)?.[1]?.length ?? 0;
  if (section.includes("%")) return { kind: "percent", decimals };
  if (/^[#,0?.\s]+$/.test(section) && section.includes("0")) return { kind: "fixed", decimals };
  return GENERAL;
}

/** General: the stored number with at most 15 significant digits, as spreadsheets compute (no 1.0000000002). */
export function generalText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** A number with a fixed count of decimals, rounded half away from zero as spreadsheets do. */
function fixedText(value: number, decimals: number): string {
  const scaled = Number(Math.abs(value).toPrecision(15));
  const factor = 10 ** decimals;
  const rounded = Math.round(Number((scaled * factor).toPrecision(15))) / factor;
  const text = rounded.toFixed(decimals);
  return value < 0 && Number(text) !== 0 ? `-${text}` : text;
}

/** A day serial (1900 system, with its 1900-02-29; or the 1904 system) as `YYYY-MM-DD`. */
export function serialDate(serial: number, date1904: boolean): string | undefined {
  // A time of 23:59:59.9995 and later rounds up into the next day, as Excel shows it.
  const day = Math.floor(serial + 0.5 / 86_400_000);
  // Spreadsheets show dates up to 9999-12-31 and nothing before their epoch.
  if (!Number.isFinite(day) || day < 0 || day > (date1904 ? 2_957_003 : 2_958_465)) return undefined;
  if (!date1904) {
    if (day === 0) return "1900-01-00";
    // Lotus 1-2-3's bug, kept by Excel: serial 60 is 1900-02-29, so earlier serials are one day off.
    if (day === 60) return "1900-02-29";
    const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
    return new Date(epoch + day * 86_400_000).toISOString().slice(0, 10);
  }
  return new Date(Date.UTC(1904, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** The time of day of a serial as `HH:MM:SS`. */
function serialTime(serial: number): string {
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400) % 86_400;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/**
 * Writes out the digits of an integer too long for a double: from the stored text when it is plain digits,
 * otherwise from its exponent form ("4.10802199001011E+17" → "410802199001011000").
 */
export function longDigits(raw: string, value: number): string {
  const plain = /^\s*(-?)0*(\d+)(?:\.0*)?\s*$/.exec(raw);
  if (plain) return `${plain[1]}${plain[2]}`;
  const exp = /^\s*(-?)(\d+)(?:\.(\d+))?[eE]\+?(\d+)\s*$/.exec(raw);
  if (exp) {
    const digits = `${exp[2]}${exp[3] ?? ""}`;
    const shift = Number(exp[4]) - (exp[3] ?? "").length;
    if (shift >= 0 && shift < 400) return `${exp[1]}${digits.replace(/^0+(?=\d)/, "")}${"0".repeat(shift)}`;
  }
  return BigInt(Math.trunc(value)).toString();
}

/** How many digits the integer part of a number has (for the precision warning). */
export function integerDigits(value: number): number {
  const abs = Math.abs(value);
  return abs < 1 ? 1 : Math.floor(Math.log10(abs)) + 1;
}

/** True when a number, as stored, is an integer too long to be kept exactly: ≥ 16 digits or beyond 2^53. */
export function isLongInteger(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) >= 1e15 && Number.isInteger(value) && (integerDigits(value) >= 16 || Math.abs(value) > 2 ** 53);
}

/** The text a spreadsheet shows for a number in a format of the given kind. */
export function formatNumber(value: number, format: NumberFormatKind, date1904: boolean): string {
  switch (format.kind) {
    case "date":
      return serialDate(value, date1904) ?? generalText(value);
    case "time":
      return value >= 1 ? (serialDate(value, date1904) ?? generalText(value)) : value >= 0 ? serialTime(value) : generalText(value);
    case "percent":
      return `${fixedText(value * 100, format.decimals)}%`;
    case "fixed":
      return fixedText(value, format.decimals);
    default:
      return generalText(value);
  }
}
