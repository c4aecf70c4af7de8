// The built package as a consumer meets it: plain Node, ESM and CommonJS, no TypeScript, no bundler.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
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
