// Precision on the seed plans as their planners keep them (.xlsx with a title row and real merges, rebuilt by
// test/fixtures/plans/make-plan-files.ts): every finding was judged by reading the plan (judged-*.json, reviewed
// fixtures). A judged-TP finding that disappears, or a judged-FP one that comes back, fails here; precision
// TP / (TP + FP) must stay ≥ 90%, counting any finding nobody has judged yet as FP.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readWorkbookTable } from "../../src/cli/lint.js";
import { type LintPlanTableOptions, lintPlanTable } from "../../src/plan/lintPlanTable.js";
import { unwrap } from "../../src/result.js";

const path = (p: string) => fileURLToPath(new URL(`../fixtures/plans/${p}`, import.meta.url));
interface Judged {
  readonly counts: { TP: number; FP: number; debatable: number };
  readonly findings: ReadonlyArray<{ row: number | null; code: string; field: string; verdict: "TP" | "FP" | "debatable" }>;
}
const OPTIONS: Record<string, LintPlanTableOptions> = {
  "jiaozuo-2023": { year: 2023 },
  "jincheng-2023": { year: 2023, completionDate: "2023-12-15" },
  "wugang-2023": { year: 2023, issuer: "舞钢市工业和信息化局" },
};
// Rows the .xlsx has above the hand-filled CSV's rows: the title, and 舞钢's second header row.
const LEAD: Record<string, number> = { "jiaozuo-2023": 1, "jincheng-2023": 1, "wugang-2023": 2 };
const key = (d: { row?: number | null; code: string; field?: string }) => `${d.row ?? "-"}|${d.code}|${d.field ?? ""}`;

for (const name of Object.keys(OPTIONS)) {
  describe(`${name} as its planners keep it`, async () => {
    const table = await readWorkbookTable(path(`files/${name}.xlsx`), undefined);
    if ("error" in table) throw new Error(table.error);
    const found = unwrap(lintPlanTable(table, OPTIONS[name] as LintPlanTableOptions)).diagnostics.filter((d) => d.severity !== "info");
    const judged = JSON.parse(readFileSync(path(`judged-${name}.json`), "utf8")) as Judged;

    it("every judged TP is still found and no judged FP comes back", () => {
      const now = new Set(found.map(key));
      for (const j of judged.findings) {
        if (j.verdict === "TP") expect(now.has(key(j)), `TP lost: ${key(j)}`).toBe(true);
        if (j.verdict === "FP") expect(now.has(key(j)), `FP back: ${key(j)}`).toBe(false);
      }
    });

    it("precision TP / (TP + FP) ≥ 90%, unjudged findings counted as FP", () => {
      const verdict = new Map(judged.findings.map((j) => [key(j), j.verdict]));
      let tp = 0;
      let fp = 0;
      for (const d of found) {
        const v = verdict.get(key(d)) ?? "FP";
        if (v === "TP") tp++;
        else if (v === "FP") fp++;
      }
      expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
    });

    it("lints with the same findings as the hand-filled CSV: no finding comes from a merge", () => {
      const csv = unwrap(lintPlanTable(readFileSync(path(`files/${name}-filled.csv`), "utf8"), OPTIONS[name] as LintPlanTableOptions));
      const lead = LEAD[name] as number;
      const fromCsv = csv.diagnostics.filter((d) => d.severity !== "info").map((d) => key({ ...d, row: d.row === undefined ? null : d.row + lead }));
      expect(found.map(key)).toEqual(fromCsv);
    });
  });
}
