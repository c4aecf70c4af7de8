/** Where the rules of issue 12 come from: careful readers of a plan the linter had never seen. */
export const ISSUE12 = { zh: "来源：对未见过的2024年某市联合抽查计划的人工审读（issue 12）", en: "Source: a careful reading of an unseen 2024 municipal joint plan (issue 12)" } as const;
