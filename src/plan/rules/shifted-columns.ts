import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";
import { looksLikeText, SHIFT_CHECKS } from "../../_internal/columnShift.js";

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
      for (const [field, looks] of SHIFT_CHECKS) {
        const text = (ctx.cell(t, field) ?? "").normalize("NFKC").trim();
        const l = text === "" ? undefined : looks(text);
        if (l) {
          const where = ctx.where(t, field);
          out.push(issue("columns_shifted", { header: where.field ?? field, value: text, looksLike: looksLikeText(l) }, where));
          break;
        }
      }
    }
    return out;
  },
};
