import type { PlanField } from "./_columns.js";

// A ratio or frequency at the end of a cell ("全市治安保卫重点单位 每季度 20%", "…运输企业 0.1", "15%").
const ENDS_WITH_QUOTA = /(\d+(\.\d+)?\s*[%‰]|(^|\s)0?\.\d+|\d+\s*次\s*\/\s*年)\s*$/;
// A department name and nothing else ("晋城市城区卫体局", "县市场局").
const DEPARTMENT = /^[^\d%‰]{2,30}(局|委|委员会|办|办公室|队|大队|支队|部|中心|分局|海关|政府)$/;
// A month range ("3月-11月", "7月-9月").
const MONTHS = /^\d{1,2}\s*月\s*[-—–~至]+\s*\d{1,2}\s*月(份)?$/;
// A date inside the quota cell ("20% 2月1日至12月31日", "不少于15% 每季度结束前5个工作日").
const DATE_IN_QUOTA = /\d+\s*月\s*\d+\s*日|工作日|月\s*[-—–~至]\s*\d+\s*月/;

type Looks = readonly [zh: string, en: string];
const RATIO: Looks = ["抽查比例", "a sampling ratio"];
const DEPT: Looks = ["部门名称", "a department name"];
const WINDOW: Looks = ["抽查时间", "an inspection window"];

export const SHIFT_CHECKS: ReadonlyArray<readonly [PlanField, (text: string) => Looks | undefined]> = [
  ["items", (s) => (ENDS_WITH_QUOTA.test(s) ? RATIO : undefined)],
  ["scope", (s) => (ENDS_WITH_QUOTA.test(s) ? RATIO : undefined)],
  ["quota", (s) => (DATE_IN_QUOTA.test(s) ? WINDOW : undefined)],
  ["creditRequirement", (s) => (MONTHS.test(s) ? WINDOW : DEPARTMENT.test(s) ? DEPT : undefined)],
  ["window", (s) => (DEPARTMENT.test(s) ? DEPT : /[%‰]/.test(s) ? RATIO : undefined)],
];


/**
 * Whether a row's cells hold other columns' content (shifted left or right), read from its texts by field. The
 * importer does not fill merged blanks into such a row: its blanks come from the shift, not from a merge.
 */
export function looksShifted(text: (field: PlanField) => string): boolean {
  const quota = text("quota").normalize("NFKC").trim();
  if (/^[0-9]{6}$|^[0-9]{4}[.\-/][0-9]{1,2}$|^[0-9]{4}年/.test(quota)) return true;
  for (const [field, looks] of SHIFT_CHECKS) {
    const t = text(field).normalize("NFKC").trim();
    if (t !== "" && looks(t) !== undefined) return true;
  }
  return false;
}
