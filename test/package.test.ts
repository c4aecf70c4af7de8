// The built package as a consumer meets it: plain Node, ESM and CommonJS, no TypeScript, no bundler.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import vm from "node:vm";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: "utf8" });

describe("dist/ in plain Node", () => {
  it("exists (the test command builds first)", () => {
    expect(existsSync(`${root}dist/index.js`) && existsSync(`${root}dist/index.cjs`)).toBe(true);
  });
  const probe = `
    const r = m.parseEntityPoolCsv("id,name,tier\\nE1,甲,D\\n");
    const q = m.sampleSize(m.unwrap(m.parseQuota("不低于10%；不少于4户")), 20);
    const w = m.isWorkingDay("2023-10-07");
    console.log(JSON.stringify([r.ok && r.value[0].tier, q.ok && q.value.size, w.ok && w.value, m.unwrap(m.rivestSample({ seed: "0", total: 1000, count: 3, replacement: true }))]));`;
  const expected = ["D", 4, true, [905, 573, 160]];
  it("ESM import works", () => {
    expect(JSON.parse(node(["--input-type=module", "-e", `import * as m from "./dist/index.js"; ${probe}`]))).toEqual(expected);
  });
  it("CommonJS require works", () => {
    expect(JSON.parse(node(["-e", `const m = require("./dist/index.cjs"); ${probe}`]))).toEqual(expected);
  });
});

// The two script-tag bundles (run here in a bare V8 context: no window, no require, no process).
describe("script-tag bundles", () => {
  const load = (file: string): Record<string, unknown> => {
    const context = vm.createContext({ TextEncoder, console });
    vm.runInContext(readFileSync(`${root}dist/${file}`, "utf8"), context);
    return (context as { DoubleRandom: Record<string, unknown> }).DoubleRandom;
  };

  it("the full bundle exposes exactly the public API of src/index.ts, plus `jitless`", async () => {
    const full = load("double-random.global.js");
    const api = await import("../src/index.js");
    expect(Object.keys(full).sort()).toEqual([...Object.keys(api), "jitless"].sort());
  });

  it("the draw bundle is the full API minus the calculators, plan import/lint, publication, JSON Schemas and the catalogs", async () => {
    const full = load("double-random.global.js");
    const drawBundle = load("double-random.draw.global.js");
    const left = new Set([
      ...Object.keys(await import("../src/quota/index.js")),
      ...Object.keys(await import("../src/calendar/index.js")),
      ...Object.keys(await import("../src/plan/index.js")),
      ...Object.keys(await import("../src/publish/index.js")), // 一公开: results, packages (also in its own script-tag bundle, dist/double-random.publish.global.js)
      "jsonSchemas", "messages", "createIssue",
      // Pool sources (pools in a database) are not for the page.
      ...Object.keys(await import("../src/draw/source.js")),
    ]);
    expect(Object.keys(drawBundle).sort()).toEqual(Object.keys(full).filter((k) => !left.has(k)).sort());
  });

  it("the draw bundle draws and re-checks a draw on its own", () => {
    const m = load("double-random.draw.global.js") as Record<string, (...a: unknown[]) => { ok: boolean; value: unknown }>;
    const pool = m.parseEntityPoolCsv!("id,name,tier\nE1,甲,D\nE2,乙,D\nE3,丙,B\nE4,丁,B\nE5,戊,B\n").value;
    const salt = "bundle-test-salt-0123456789";
    const a = m.announce!({ taskId: "T-1", pool, stratify: "tier", salt, sizes: { B: 2, D: 1 }, entropySource: { kind: "dice", description: "test" } });
    const ann = (a.value as { announcement: unknown }).announcement;
    const record = m.draw!(ann, pool, m.diceEntropy!("31415926535897932384").value, { salt });
    expect(record.ok).toBe(true);
    expect(m.verifyDraw!(record.value, pool, { salt }).ok).toBe(true);
  });
});
