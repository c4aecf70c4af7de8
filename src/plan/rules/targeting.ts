import { type Issue } from "../../result.js";
import { readTargeting } from "../_columns.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

/**
 * Lint rule "targeting": the 抽查类型 cell says 定向 or 不定向.
 * @public
 */
export const targeting: LintRule = {
  id: "targeting",
  severity: "error",
  codes: ["targeting_missing", "targeting_typo", "targeting_unrecognized"],
  description: { zh: "抽查类型缺失、错别字（定项/不定项/定期向）或不是定向/不定向", en: "The targeting is missing, misspelt (定项/不定项/定期向) or neither 定向 nor 不定向" },
  rationale: {
    zh: "定向抽查从筛选后的对象中抽取，不定向抽查从全部对象中抽取（国办发〔2015〕58号），两者的名录库不同。",
    en: "A directed draw takes a filtered subset, an undirected one the whole pool (国办发〔2015〕58号); the pools differ.",
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      // Without a 抽查类型 column (晋城's joint plan) every task is undirected; the importer says so once.
      if (!t.source) continue;
      const text = ctx.cell(t, "targeting");
      if (text === undefined) continue;
      const r = readTargeting(text);
      if (r.status === "missing") out.push(issue("targeting_missing", {}, ctx.where(t, "targeting")));
      else if (r.status === "typo") out.push(issue("targeting_typo", { text: text.trim(), expected: r.expected }, ctx.where(t, "targeting")));
      else if (r.status === "unrecognized") out.push(issue("targeting_unrecognized", { text: text.trim() }, ctx.where(t, "targeting")));
    }
    return out;
  },
};
