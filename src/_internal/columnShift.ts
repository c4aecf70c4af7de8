// The one column-shift classifier: what text that belongs in another column of a plan table looks like. Read by the
// quota reader (quota_column_shift: a date, a department, the scope or the credit-risk requirement in the quota
// cell), by the lint rule shifted-columns (columns_shifted: a ratio in the scope, a department in the window…) and by
// the importer (a shifted row's blanks are not merged cells). Every regex is flat: linear in the cell.
import { columnShiftPhrases } from "../messages/quota.js";
import { phraseFactory } from "../messages/render.js";

/** What another column's text looks like: a key of the `columnShiftPhrases` catalog. */
export type LooksLike = keyof typeof columnShiftPhrases;

/** The zh/en words for a {@link LooksLike} (the `looksLike` param of the shift issues). */
export const looksLikeText = /* @__PURE__ */ phraseFactory(columnShiftPhrases);

// --- The quota cell, normalised (NFKC, spaces dropped) ---

/** A whole quota cell that is a year and month ("202302", "2023.04", "2023-4"): a date, whatever else. */
const DATE_CELL = /^[0-9]{6}$|^[0-9]{4}[.\-/][0-9]{1,2}$/;
// Text in a quota cell in which no figure was read.
const DATE_LIKE = /[0-9][年月日号]|月份|上半年|下半年|全年|季度|月初|月底|月末|年初|年底|每月|^[0-9]{4}[.\-/][0-9]{1,2}|^[0-9]{6}$|^[0-9]{1,2}\.[0-9]{1,2}[-—~至][0-9]/;
const RISK_LIKE = /风险|信用/;
const DEPARTMENT_LIKE = /(局|委|委员会|办公室|办|大队|支队|中队|中心|站|队|厅)$/;
const SCOPE_LIKE = /企业|单位|场所|机构|主体|经营者|部门|公司|市场|项目|商户|个体|门店|工地/;

/** Whether a normalised quota cell is a year and month ("202302", "2023.04"). */
export function isDateCell(s: string): boolean {
  return DATE_CELL.test(s);
}

/** What a normalised quota cell in which no figure was read looks like, if it is another column's text. */
export function quotaCellLooksLike(s: string): LooksLike | undefined {
  if (RISK_LIKE.test(s)) return "creditRequirement";
  if (DATE_LIKE.test(s)) return "date";
  if (s.length <= 20 && DEPARTMENT_LIKE.test(s)) return "department";
  if (SCOPE_LIKE.test(s)) return "scope";
  return undefined;
}

// --- Any cell of a plan row, NFKC and trimmed ---

// A ratio or frequency at the end of a cell ("全市治安保卫重点单位 每季度 20%", "…运输企业 0.1", "15%").
const ENDS_WITH_QUOTA = /(\d+(\.\d+)?\s*[%‰]|(^|\s)0?\.\d+|\d+\s*次\s*\/\s*年)\s*$/;
// A department name and nothing else ("晋城市城区卫体局", "县市场局").
const DEPARTMENT = /^[^\d%‰]{2,30}(局|委|委员会|办|办公室|队|大队|支队|部|中心|分局|海关|政府)$/;
// A month range ("3月-11月", "7月-9月").
const MONTHS = /^\d{1,2}\s*月\s*[-—–~至]+\s*\d{1,2}\s*月(份)?$/;
// A date inside the quota cell ("20% 2月1日至12月31日", "不少于15% 每季度结束前5个工作日").
const DATE_IN_QUOTA = /\d+\s*月\s*\d+\s*日|工作日|月\s*[-—–~至]\s*\d+\s*月/;

/** The plan columns a shift shows in, by the field the importer reads them into. */
export type ShiftedField = "items" | "scope" | "quota" | "creditRequirement" | "window";

/** Per column, what of another column's text in it looks like (checked in this order; the first hit counts). */
export const SHIFT_CHECKS: ReadonlyArray<readonly [ShiftedField, (text: string) => LooksLike | undefined]> = [
  ["items", (s) => (ENDS_WITH_QUOTA.test(s) ? "ratio" : undefined)],
  ["scope", (s) => (ENDS_WITH_QUOTA.test(s) ? "ratio" : undefined)],
  ["quota", (s) => (DATE_IN_QUOTA.test(s) ? "window" : undefined)],
  ["creditRequirement", (s) => (MONTHS.test(s) ? "window" : DEPARTMENT.test(s) ? "department" : undefined)],
  ["window", (s) => (DEPARTMENT.test(s) ? "department" : /[%‰]/.test(s) ? "ratio" : undefined)],
];

/**
 * Whether a row's cells hold other columns' content (shifted left or right), read from its texts by field. The
 * importer does not fill merged blanks into such a row: its blanks come from the shift, not from a merge.
 */
export function looksShifted(text: (field: ShiftedField) => string): boolean {
  const quota = text("quota").normalize("NFKC").trim();
  if (isDateCell(quota) || /^[0-9]{4}年/.test(quota)) return true;
  for (const [field, looks] of SHIFT_CHECKS) {
    const t = text(field).normalize("NFKC").trim();
    if (t !== "" && looks(t) !== undefined) return true;
  }
  return false;
}
