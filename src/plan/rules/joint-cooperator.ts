import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";
import { fillHint } from "../_hints.js";

function cooperatorHint(header: string, where: "cli" | "library") {
  const fill = fillHint(header, where);
  return { zh: `填写配合部门；${fill.zh}；若实为单部门抽查，请移出联合抽查计划`, en: `Name the cooperating department. ${fill.en}. A single-department task belongs outside the joint plan` };
}

/**
 * Lint rule "joint-cooperator": a joint task names at least one cooperating department.
 * @public
 */
export const jointCooperator: LintRule = {
  id: "joint-cooperator",
  severity: "error",
  codes: ["cooperator_missing"],
  description: { zh: "部门联合抽查任务（表中有“配合部门”列或名称含“联合”）没有配合部门", en: "A joint task (the table has a 配合部门 column, or the name says 联合) has no cooperating department" },
  rationale: {
    zh: "国发〔2019〕5号要求在市场监管领域全面推行部门联合“双随机、一公开”监管，联合抽查由发起部门和配合部门共同实施。",
    en: "国发〔2019〕5号 makes joint inspections the rule in market supervision; a joint task is carried out by the initiator with its cooperating departments.",
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      const cell = ctx.cell(t, "cooperators");
      const joint = (t.source !== undefined && cell !== undefined) || t.name.includes("联合");
      if (joint && t.cooperators.length === 0) out.push(issue("cooperator_missing", {}, {
        ...ctx.where(t, "cooperators"),
        hint: cooperatorHint(ctx.where(t, "cooperators").field ?? "配合部门", ctx.options.hintsFor ?? "library"),
      }));
    }
    return out;
  },
};
