import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

// One mode: a level that draws and a level that inspects, "市抽市查", "市抽县(区)查", "省抽县(市、区)查".
const LEVEL = "(?:省|市|县|区|乡|镇|州|盟|旗)(?:\\([^()]{1,8}\\))?";
const MODE = new RegExp(`^${LEVEL}抽${LEVEL}查$`);

/** Splits a mode cell at 、，;, outside parentheses (by slices: a string grown a character at a time was most of the work on a long cell). */
function parts(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === "、" || ch === "," || ch === ";" || ch === "；")) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((p) => p.trim()).filter((p) => p !== "");
}

/**
 * Lint rule "mode-garbled": the 抽查检查模式 reads as "X抽Y查" (市抽市查, 市抽县(区)查).
 * @public
 */
export const modeGarbled: LintRule = {
  id: "mode-garbled",
  severity: "warning",
  codes: ["mode_garbled"],
  description: { zh: "抽查检查模式不完整或有错乱（应为“X抽Y查”，如“市抽市查”“市抽县(区)查”）", en: "The mode is unfinished or garbled (it reads \"X抽Y查\": 市抽市查, 市抽县(区)查)" },
  rationale: {
    zh: "模式决定由哪一级抽取、哪一级检查，即从哪个名录库抽取对象和人员；写错或截断时无法执行。来源：对未见过的2024年某市联合抽查计划的人工审读（issue 12，“市抽(县、区)查”）。",
    en: "The mode says which level draws and which inspects, hence which pools are used; a garbled or cut mode cannot be carried out. Source: a careful reading of an unseen 2024 municipal joint plan (issue 12, 市抽(县、区)查).",
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      const text = (ctx.cell(t, "mode") ?? "").normalize("NFKC").replace(/\s+/g, "");
      if (text === "") continue;
      const bad = parts(text).filter((p) => !MODE.test(p));
      if (bad.length > 0) out.push(issue("mode_garbled", { text: (ctx.cell(t, "mode") ?? "").trim(), part: bad.join("、") }, ctx.where(t, "mode")));
    }
    return out;
  },
};
