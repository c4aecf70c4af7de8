
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

import { filledFrom } from "../_filled.js";
import { taskLabel } from "../_label.js";
import { NOT_APPLICABLE, onlyNamesTier } from "./_credit.js";

const MAX_LISTED = 8;
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/**
 * Lint rule "credit-share": enough tasks use credit-risk classification.
 * @public
 */
export const creditShare: LintRule = {
  id: "credit-share",
  severity: "warning",
  codes: ["credit_share_low"],
  description: { zh: "运用信用风险分类的任务占比低于目标（默认95%，caps.creditRiskShare）", en: "The share of tasks using credit-risk classification is below the target (default 95%, caps.creditRiskShare)" },
  rationale: {
    zh: "国发〔2019〕5号：将信用风险分类结果与双随机抽查相结合，实现差异化精准监管；各地考核多以任务占比衡量。",
    en: "国发〔2019〕5号: combine credit-risk tiers with random inspections; provinces assess it as the share of tasks that do.",
  },
  check(ctx) {
    // One task per task, not per row: a row continuing the task above (its name merged) is not counted again;
    // tasks that say 不涉及 (objects that are not enterprises) are outside the share.
    const tasks = ctx.plan.tasks.filter((t) => filledFrom(t, "name") === undefined);
    const exempt = tasks.filter((t) => NOT_APPLICABLE.test((t.creditRequirement ?? "").trim()));
    const counted = tasks.filter((t) => !exempt.includes(t));
    const total = counted.length;
    if (total === 0) return [];
    const missing = counted.filter((t) => {
      const c = (t.creditRequirement ?? "").trim();
      return c === "" || onlyNamesTier(c);
    });
    const used = total - missing.length;
    const share = used / total;
    if (share >= ctx.caps.creditRiskShare) return [];
    const name = (t: (typeof tasks)[number], lang: "zh" | "en") =>
      `${t.source ? (lang === "zh" ? `第${t.source.row}行` : `row ${t.source.row}`) : ""}${t.source ? " " : ""}${taskLabel(ctx.cell(t, "index"), t.name, lang)}`;
    const listed = (lang: "zh" | "en") =>
      missing.length === total ? (lang === "zh" ? `全部${total}项（均未写明信用风险分类要求）` : `all ${total} (none states a credit-risk requirement)`) :
      missing.slice(0, MAX_LISTED).map((t) => name(t, lang)).join(lang === "zh" ? "；" : "; ") +
      (missing.length > MAX_LISTED ? (lang === "zh" ? `等${missing.length}项` : ` and ${missing.length - MAX_LISTED} more`) : "");
    const custom = ctx.options.caps?.creditRiskShare !== undefined;
    return [issue("credit_share_low", {
      share: pct(share), used, total,
      exempt: exempt.length === 0 ? { zh: "", en: "" } : { zh: `，写明“不涉及”的${exempt.length}项不计入`, en: `; the ${exempt.length} that say 不涉及 are not counted` }, target: pct(ctx.caps.creditRiskShare),
      source: custom
        ? { zh: "调用方设定（caps.creditRiskShare）", en: "set by the caller (caps.creditRiskShare)" }
        : { zh: "本工具默认值，各地考核口径不一，可按本地要求调整", en: "this tool's default; provinces assess it differently, adjust it to yours" },
      missing: { zh: listed("zh"), en: listed("en") },
    })];
  },
};
