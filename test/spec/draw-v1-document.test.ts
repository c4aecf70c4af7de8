// docs/spec/draw-v1.md is self-contained (issue 15): every input of §10's vectors is printed in it or shipped under
// docs/spec/vectors/ (package.json `files` has docs/spec), and the points an outside implementer found open are stated.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { announce, rivestSample, unwrap } from "../../src/index.js";
import { canonicalJson, sha256Hex } from "../../src/draw/digest.js";
import pkg from "../../package.json" with { type: "json" };

const root = new URL("../../", import.meta.url).pathname;
const read = (p: string) => readFileSync(join(root, p), "utf8");
const spec = read("docs/spec/draw-v1.md");

describe("draw-v1 document and shipped vectors", () => {
  it("ships the vectors §3 and §10 cite, byte-identical to the ones the test suite checks", () => {
    expect(pkg.files).toContain("docs/spec");
    expect(read("docs/spec/vectors/draw-v1.json")).toBe(read("test/draw/draw-v1-vectors.json"));
    expect(read("docs/spec/vectors/rivest-sampler.json")).toBe(read("test/fixtures/vectors/rivest-sampler.json"));
    expect(spec).toContain("docs/spec/vectors/rivest-sampler.json");
    expect(spec).toContain("(vectors/draw-v1.json)");
    expect(spec).not.toContain("shared/vectors/");
  });

  it("rivestSample reproduces the shipped sampler vectors", () => {
    const v = JSON.parse(read("docs/spec/vectors/rivest-sampler.json")) as { withReplacement: { seed: string; total: number; count: number; expected: number[] }[] };
    expect(v.withReplacement.length).toBeGreaterThan(0);
    for (const c of v.withReplacement) expect(rivestSample({ seed: c.seed, total: c.total, count: c.count, replacement: true })).toEqual({ ok: true, value: c.expected, warnings: [] });
  });

  it("prints vector 1's announcement and vector 2's ids, tiers, task id and full digests", () => {
    const v = JSON.parse(read("docs/spec/vectors/draw-v1.json")) as Record<string, { record: { taskId: string; announcement: Record<string, unknown>; selections: { hash?: string }[]; replacements?: { hash?: string }[] }; pool: { id: string; tier?: string }[] }>;
    expect(spec).toContain(canonicalJson(v.unstratified!.record.announcement));
    const s = v.stratified!;
    expect(spec).toContain(canonicalJson(s.record.announcement));
    expect(spec).toContain(`Task id \`${s.record.taskId}\``);
    for (const e of s.pool) expect(spec).toContain(`${e.id} ${e.tier ?? "(no tier)"}`);
    for (const x of [...v.unstratified!.record.selections, ...s.record.selections, ...(s.record.replacements ?? [])]) if (x.hash) expect(spec).toContain(x.hash);
    expect(spec).not.toMatch(/`[0-9a-f]{16}…`/);
  });

  it("prints vector 4's replacement log: each entry's canonical JSON, the genesis and heads it chains to, recomputed (§7.2)", () => {
    const v = JSON.parse(read("docs/spec/vectors/draw-v1.json")) as { chained: { record: { taskId: string; replacements: Record<string, unknown>[]; replacementsHead: string }; heads: { length: number; head: string }[] } };
    const { record, heads } = v.chained;
    let head = sha256Hex(canonicalJson({ chain: "double-random/draw-v1/replacements", taskId: record.taskId }));
    expect(spec).toContain(`| genesis (task \`${record.taskId}\`) | \`${head}\` |`);
    for (const [k, e] of record.replacements.entries()) {
      expect(e.prev).toBe(head);
      expect(spec).toContain(`    ${canonicalJson(e)}\n`);
      head = sha256Hex(canonicalJson(e));
      expect(heads[k]).toEqual({ length: k + 1, head });
      expect(spec).toContain(head);
    }
    expect(record.replacementsHead).toBe(head);
    for (const code of ["replacement_log_broken", "replacement_log_rewritten", "record_announcement_mismatch", "withoutItem"]) expect(spec).toContain(code);
    expect(spec).not.toContain("once the pool-source restructuring has landed");
  });

  it("exemptTiers is published distinct and in the order A–D, as §4.1 says", () => {
    const pool = [{ id: "E1", tier: "A" as const }, { id: "E2", tier: "B" as const }, { id: "E3", tier: "C" as const }];
    const base = { taskId: "T", pool, stratify: "none" as const, salt: "0123456789abcdef", sizes: 1, entropySource: { kind: "dice" as const, description: "x" } };
    const a = unwrap(announce({ ...base, exclusions: { exemptTiers: ["B", "A", "A"] } })).announcement;
    const b = unwrap(announce({ ...base, exclusions: { exemptTiers: ["A", "B"] } })).announcement;
    expect(a.exclusions.rules.exemptTiers).toEqual(["A", "B"]);
    expect(a.digest).toBe(b.digest);
    expect(spec).toContain("distinct and in the order A, B, C, D");
  });
});
