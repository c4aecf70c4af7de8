// The 一公开 script-tag bundle the offline page loads beside the draw bundle (dist/double-random.publish.global.js,
// global DoubleRandomPublish), run in a bare V8 context (no window, no require, no process): it exposes exactly its
// entry's exports and checks a package against its record on its own, with zod in jitless mode (strict CSP).
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { publicationPackage, unwrap } from "../../src/index.js";

const root = new URL("../../", import.meta.url).pathname;
type Api = Record<string, (...a: unknown[]) => { ok: boolean; value?: unknown; issues?: { code: string }[] }>;
const load = (): Api => {
  const context = vm.createContext({ TextEncoder, console });
  vm.runInContext(readFileSync(`${root}dist/double-random.publish.global.js`, "utf8"), context);
  return (context as { DoubleRandomPublish: Api }).DoubleRandomPublish;
};

describe("script-tag 一公开 bundle", () => {
  it("exposes exactly the exports of src/global-publish.ts", async () => {
    expect(Object.keys(load()).sort()).toEqual(Object.keys(await import("../../src/global-publish.js")).sort());
  });

  it("verifies a package built by the core against its record, and catches an entity added to its list", () => {
    const m = load();
    const record = { taskId: "T1", announcement: { digest: "a".repeat(64) }, selections: [{ id: "E1", stratum: "all" }, { id: "E2", stratum: "all" }], replacements: [] };
    const results = ["E1", "E2"].map((id) => ({ taskId: "T1", entityId: id, entityName: id, inspectionDates: ["2023-06-01"], enteredOn: "2023-06-05", category: "未发现问题" }));
    const pkg = unwrap(publicationPackage(record, results, { department: "某局", publishedOn: "2023-06-06" }));
    expect(m.verifyResults!(record, pkg).ok).toBe(true);
    const forged = m.verifyResults!(record, { ...pkg, list: [...pkg.list, { ...pkg.list[0]!, entityId: "E9" }] });
    expect(forged.issues!.map((i) => i.code)).toContain("publish_entity_extra");
    expect((m as unknown as { jitless: boolean }).jitless).toBe(true);
  });
});
