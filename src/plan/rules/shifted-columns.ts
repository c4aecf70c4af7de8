import { type Issue } from "../../result.js";
import type { PlanField } from "../_columns.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

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

const CHECKS: ReadonlyArray<readonly [PlanField, (text: string) => Looks | undefined]> = [
  ["items", (s) => (ENDS_WITH_QUOTA.test(s) ? RATIO : undefined)],
  ["scope", (s) => (ENDS_WITH_QUOTA.test(s) ? RATIO : undefined)],
  ["quota", (s) => (DATE_IN_QUOTA.test(s) ? WINDOW : undefined)],
  ["creditRequirement", (s) => (MONTHS.test(s) ? WINDOW : DEPARTMENT.test(s) ? DEPT : undefined)],
  ["window", (s) => (DEPARTMENT.test(s) ? DEPT : /[%‰]/.test(s) ? RATIO : undefined)],
];

/**
 * Lint rule "shifted-columns": each cell holds its own column's content.
 * @public
 */
export const shiftedColumns: LintRule = {
  id: "shifted-columns",
  severity: "error",
  codes: ["columns_shifted", "quota_column_shift"],
  description: { zh: "列错位：比例写进了对象范围，部门写进了抽查时间，日期写进了比例等", en: "Shifted columns: a ratio in the scope, a department in the window, a date in the ratio…" },
  rationale: {
    zh: "错位的行中每一栏都可能是错的，按其抽取会抽错对象或比例；公示前须逐栏核对。",
    en: "In a shifted row every cell may be wrong; drawing from it draws the wrong pool or size. Check every cell before publishing.",
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      const q = ctx.quota(t);
      const theirs = (q.ok ? q.warnings : q.issues).find((i) => i.code === "quota_column_shift");
      if (theirs) {
        out.push({ ...theirs, ...ctx.where(t, "quota") });
        continue;
      }
      for (const [field, looks] of CHECKS) {
        const text = (ctx.cell(t, field) ?? "").normalize("NFKC").trim();
        const l = text === "" ? undefined : looks(text);
        if (l) {
          const where = ctx.where(t, field);
          out.push(issue("columns_shifted", { header: where.field ?? field, value: text, looksLike: { zh: l[0], en: l[1] } }, where));
          break;
        }
      }
    }
    return out;
  },
};
