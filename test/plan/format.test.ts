import fc from "fast-check";
import { Ajv } from "ajv";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnosticsJson } from "../../src/plan/formatJson.js";
import { formatDiagnosticsSarif } from "../../src/plan/formatSarif.js";
import { formatDiagnosticsText } from "../../src/plan/formatText.js";
import { lintPlanTable } from "../../src/plan/lintPlanTable.js";
import { createIssue } from "../../src/createIssue.js";
import { unwrap } from "../../src/result.js";

const { plan, diagnostics } = unwrap(
  lintPlanTable(readFileSync(new URL("../fixtures/plans/jincheng-2023.csv", import.meta.url), "utf8"), { year: 2023, fillMerged: true, completionDate: "2023-12-15" }),
);

// The parts of the SARIF 2.1.0 schema (docs.oasis-open.org/sarif/sarif/v2.1.0) a consumer relies on:
// required properties, enums and the shapes of locations and rules.
const message = { type: "object", required: ["text"], properties: { text: { type: "string", minLength: 1 } } };
const SARIF_SUBSET = {
  type: "object",
  required: ["version", "runs"],
  properties: {
    version: { const: "2.1.0" },
    $schema: { type: "string" },
    runs: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["tool", "results"],
        properties: {
          tool: {
            type: "object",
            required: ["driver"],
            properties: {
              driver: {
                type: "object",
                required: ["name"],
                properties: {
                  name: { type: "string" },
                  version: { type: "string" },
                  rules: {
                    type: "array",
                    items: {
                      type: "object",
                      required: ["id"],
                      properties: {
                        id: { type: "string" },
                        shortDescription: message,
                        fullDescription: message,
                        defaultConfiguration: { type: "object", properties: { level: { enum: ["none", "note", "warning", "error"] } } },
                      },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: "array",
            items: {
              type: "object",
              required: ["message"],
              properties: {
                ruleId: { type: "string" },
                ruleIndex: { type: "integer", minimum: 0 },
                level: { enum: ["none", "note", "warning", "error"] },
                message,
                locations: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      physicalLocation: {
                        type: "object",
                        properties: {
                          artifactLocation: { type: "object", required: ["uri"], properties: { uri: { type: "string" } } },
                          region: { type: "object", required: ["startLine"], properties: { startLine: { type: "integer", minimum: 1 } } },
                        },
                      },
                      logicalLocations: { type: "array", items: { type: "object", properties: { name: { type: "string" } } } },
                    },
                  },
                },
              },
            },
          },
          columnKind: { enum: ["utf16CodeUnits", "unicodeCodePoints"] },
        },
      },
    },
  },
};

describe("formatters", () => {
  it("every format keeps every diagnostic, for any subset of a real report", () => {
    fc.assert(
      fc.property(fc.subarray([...diagnostics]), fc.constantFrom("zh" as const, "en" as const), (subset, lang) => {
        const text = formatDiagnosticsText(subset, { plan, lang });
        expect(text.split("\n").filter((l) => /^ {2}[✗!·] /.test(l))).toHaveLength(subset.length);
        expect(JSON.parse(formatDiagnosticsJson(subset)).diagnostics).toEqual(JSON.parse(JSON.stringify(subset)));
        expect(JSON.parse(formatDiagnosticsSarif(subset, { lang })).runs[0].results).toHaveLength(subset.length);
      }),
      { numRuns: 60, seed: 2023 },
    );
  });

  it("text: grouped by row with the task name, zh by default, en on request", () => {
    const zh = formatDiagnosticsText(diagnostics, { plan });
    expect(zh).toContain("第35行 对娱乐场所经营单位双随机抽查\n");
    expect(zh).toContain("  ✗ 错误 配合部门：配合部门“高平市文化和旅游局”就是发起部门本身 [cooperator_is_initiator]");
    expect(zh.trimEnd().split("\n").at(-1)).toMatch(/^共\d+个错误，\d+个警告，\d+条提示$/);
    const en = formatDiagnosticsText(diagnostics, { plan, lang: "en" });
    expect(en).toContain("Row 35 对娱乐场所经营单位双随机抽查\n");
    expect(en).toContain("  ✗ error 配合部门: The cooperating department \"高平市文化和旅游局\" is the initiator itself [cooperator_is_initiator]");
    expect(en).toContain("Whole plan\n");
    // Rows appear in increasing order, plan-level findings last.
    const rows = [...zh.matchAll(/^第(\d+)行/gm)].map((m) => Number(m[1]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(zh.indexOf("\n全表")).toBeGreaterThan(zh.lastIndexOf("\n第41行"));
  });

  it("text: the documented example", () => {
    expect(formatDiagnosticsText([createIssue("quota_negative", { number: "-5%" }, { row: 27, field: "抽查比例" })])).toBe(
      "第27行\n  ✗ 错误 抽查比例：抽查比例“-5%”为负数 [quota_negative]\n\n共1个错误，0个警告，0条提示\n",
    );
  });

  it("json: summary and every diagnostic with row, field, messages and rule", () => {
    const out = JSON.parse(formatDiagnosticsJson(diagnostics, { file: "jincheng-2023.csv" }));
    expect(out.version).toBe(1);
    expect(out.file).toBe("jincheng-2023.csv");
    expect(out.summary.errors).toBe(diagnostics.filter((d) => d.severity === "error").length);
    expect(out.diagnostics).toHaveLength(diagnostics.length);
    expect(out.diagnostics.find((d: { code: string }) => d.code === "cooperator_is_initiator")).toMatchObject({ row: 35, field: "配合部门", rule: "self-cooperator", message: { zh: expect.any(String), en: expect.any(String) } });
  });

  it("sarif: validates structurally against the SARIF 2.1.0 subset, one result per diagnostic at its row", () => {
    const log = JSON.parse(formatDiagnosticsSarif(diagnostics, { file: "test/fixtures/plans/jincheng-2023.csv" }));
    const ajv = new Ajv({ strict: false });
    const valid = ajv.validate(SARIF_SUBSET, log);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const run = log.runs[0];
    expect(run.results).toHaveLength(diagnostics.length);
    const rules = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(rules).size).toBe(rules.length);
    for (const r of run.results) expect(rules[r.ruleIndex]).toBe(r.ruleId);
    const self = run.results.find((r: { ruleId: string }) => r.ruleId === "cooperator_is_initiator");
    expect(self.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "test/fixtures/plans/jincheng-2023.csv" }, region: { startLine: 35 } });
    expect(self.level).toBe("error");
    const share = run.results.find((r: { ruleId: string }) => r.ruleId === "credit_share_low");
    expect(share.locations[0].physicalLocation.region).toBeUndefined();
    expect(run.results.filter((r: { level: string }) => r.level === "note").length).toBe(diagnostics.filter((d) => d.severity === "info").length);
    // A log with nothing to say is still a valid log.
    expect(ajv.validate(SARIF_SUBSET, JSON.parse(formatDiagnosticsSarif([])))).toBe(true);
  });
});
