import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";
import { ISSUE12 } from "./_source.js";

// "我市2家三级医院" / "全市共1家": how many entities the quota cell says exist, before its ratio.
const POPULATION = /(?:^|[^0-9.])([0-9]{1,3})\s*[家户个所座](?=[\u4e00-\u9fff])/g;
// A scope that names one facility: a proper name ending in an institution word, without a collective word.
const FACILITY_END = /(医院|学校|中学|小学|大学|幼儿园|公司|厂|电站|水库|处理厂|垃圾场|填埋场|机场|码头|港|站|馆|中心)$/;
const PROPER = /[市县区镇乡村路]|第[一二三四五六七八九十0-9]+/;
const COLLECTIVE = /全|各|所有|等|类|辖区|范围|以上|以下|及|和|、|，|,|；|单位|企业|机构|主体|经营者|场所|对象|从业|相关|库/;

/**
 * Lint rule "quota-small-pool": a ratio below 100% is not applied to one named facility or to a pool of one or two
 * entities, where it draws nobody or everybody at random.
 * @public
 */
export const quotaSmallPool: LintRule = {
  id: "quota-small-pool",
  severity: "warning",
  codes: ["quota_ratio_on_single_facility", "quota_ratio_on_tiny_pool"],
  description: { zh: "对单个指明的设施或只有一两户的对象规定低于100%的比例", en: "A ratio below 100% for one named facility or for a pool of one or two entities" },
  rationale: {
    zh: `比例乘以1或2户后四舍五入为0或1户，是否检查全凭取整规则，随机抽取失去意义；应写明户数或100%（国发〔2019〕5号：合理确定抽查比例）。${ISSUE12.zh}。`,
    en: `A ratio of one or two entities rounds to 0 or 1: whether anyone is inspected depends on rounding, not on the draw; write a count or 100% (国发〔2019〕5号: set ratios soundly). ${ISSUE12.en}.`,
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      const q = ctx.quota(t);
      if (!q.ok || !q.value.ratio || q.value.count) continue;
      const { numerator, denominator } = q.value.ratio;
      if (numerator >= denominator) continue;
      const ratio = `${Number(((numerator * 100) / denominator).toFixed(4))}%`;
      const percentAt = t.quotaText.search(/[%‰％]/);
      let stated = 0;
      for (const m of t.quotaText.normalize("NFKC").slice(0, Math.max(0, percentAt)).matchAll(POPULATION)) stated += Number(m[1]);
      const pool = ctx.poolSize(t) ?? (stated > 0 ? stated : undefined);
      if (pool !== undefined && pool > 0 && pool <= 2) {
        out.push(issue("quota_ratio_on_tiny_pool", { ratio, pool }, ctx.where(t, "quota")));
        continue;
      }
      const scope = t.scope.normalize("NFKC").replace(/\s+/g, "");
      // A proper name: a place or an ordinal before the institution word ("焦作市第一人民医院", "城区垃圾填埋场");
      // "游泳场馆" or "加油站" alone are kinds of facility, not one.
      if (scope.length >= 6 && scope.length <= 30 && FACILITY_END.test(scope) && !COLLECTIVE.test(scope) && PROPER.test(scope)) {
        out.push(issue("quota_ratio_on_single_facility", { ratio, scope }, ctx.where(t, "quota")));
      }
    }
    return out;
  },
};
