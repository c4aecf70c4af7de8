// The 晋城 county-draw example's pool (examples/jincheng/hotels-pool.csv, written by make-pool.ts beside it): it reads
// without a problem, its ids are valid 统一社会信用代码 registered in the entity's own county, and it spreads over the
// six county-level divisions of 晋城市 with one small county (so a per-county minimum has work to do).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEntityPoolCsv, validateUscc } from "../../src/index.js";
import { JINCHENG_COUNTIES } from "../../examples/jincheng/counties.js";

const root = new URL("../../", import.meta.url).pathname;
const csv = readFileSync(join(root, "examples/jincheng/hotels-pool.csv"), "utf8");

describe("examples/jincheng/hotels-pool.csv", () => {
  it("parses with no warning; every id is a valid USCC whose registration region is the entity's 行政区划代码", () => {
    const r = parseEntityPoolCsv(csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.value.length).toBe(390);
    for (const e of r.value) {
      expect(validateUscc(e.id), e.id).toEqual([]);
      expect(e.id.slice(2, 8)).toBe(e.regionCode);
      expect(JINCHENG_COUNTIES[e.regionCode as string]).toBe(e.attributes["所属区县"]);
    }
  });

  it("covers the six counties, 陵川县 with fewer than 10 active hotels", () => {
    const r = parseEntityPoolCsv(csv);
    if (!r.ok) throw new Error("unreadable");
    const active = new Map<string, number>();
    for (const e of r.value) if (e.status === "active") active.set(e.regionCode as string, (active.get(e.regionCode as string) ?? 0) + 1);
    expect([...active.keys()].sort()).toEqual(Object.keys(JINCHENG_COUNTIES).sort());
    expect(active.get("140524")).toBeLessThan(10);
  });

  it("is what the generator beside it writes (deterministic)", () => {
    const out = join(mkdtempSync(join(tmpdir(), "dr-jincheng-")), "pool.csv");
    const run = spawnSync(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "examples/jincheng/make-pool.ts"), out], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(csv);
  });
});
