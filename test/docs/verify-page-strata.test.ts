// The offline verification page on a region draw: the 晋城 hotels example (a CSV with 行政区划代码 and 所属区县 columns,
// read by the table reader) drawn tier×region:county and region:county. The page verifies it, says the stratification
// in words and, with the pool and salt, which tier and county each key stands for; a pool where one drawn hotel moved
// to another county fails, with its strata marked.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openVerifyPage } from "../_internal/verify-page.js";
import { announce, diceEntropy, draw, parseEntityPoolCsv, unwrap } from "../../src/index.js";

const root = new URL("../../", import.meta.url).pathname;
const salt = "晋城卫健2023盐值-c41d9e07b2";
let browser: Browser;
let dir: string;
const poolFile = join(root, "examples/jincheng/hotels-pool.csv");

function recordOf(stratify: string, name: string): { file: string; drawn: string } {
  const pool = unwrap(parseEntityPoolCsv(readFileSync(poolFile, "utf8")));
  const a = unwrap(announce({
    taskId: "JC-2023-旅馆业", taskName: "对旅馆业从业单位的随机抽查", pool, stratify, salt, allocation: { minPerStratum: 3, total: 40 },
    entropySource: { kind: "dice", description: "2023-05-04 市卫健委 公开掷骰" },
  }));
  const record = unwrap(draw(a.announcement, pool, unwrap(diceEntropy("16180339887498948482")), { salt }));
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(record, null, 2));
  return { file, drawn: record.selections[0]!.id };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "verify-page-strata-"));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const strataRows = (p: import("playwright-core").Page) => p.$$eval("#strata tbody tr", (trs) => trs.map((tr) => ({ bad: tr.classList.contains("bad"), cells: Array.from(tr.children, (td) => td.textContent ?? "") })));

describe("offline page: region strata", () => {
  it("verifies a tier×region:county draw and names each stratum's tier and county (zh and en)", async () => {
    const { file } = recordOf("tier×region:county", "tr.json");
    const run = await openVerifyPage(browser, { record: file, pool: poolFile, salt });
    try {
      expect(run.errors).toEqual([]);
      expect(run.kind).toBe("ok");
      expect(await run.p.textContent("#stratification")).toBe("分层方式：按信用风险分类×县级行政区划分层（tier×region:county）");
      const rows = await strataRows(run.p);
      expect(rows.length).toBe(23);
      expect(rows.map((r) => r.cells[1])).toContain("A类 × 140524 陵川县");
      expect(rows.every((r) => /^S[0-9a-f]{12}$/.test(r.cells[0] as string) && !r.bad)).toBe(true);
      await run.shot("strata-ok");
      await run.p.click("#lang");
      expect(await run.p.textContent("#stratification")).toBe("Stratification: by risk tier × county (tier×region:county)");
      expect((await strataRows(run.p)).map((r) => r.cells[1])).toContain("tier A × 140524 陵川县");
      expect(run.requests.every((u) => u.startsWith("file://"))).toBe(true);
    } finally {
      await run.close();
    }
  });

  it("a pool with one drawn hotel moved to another county fails, and marks the strata concerned", async () => {
    const { file, drawn } = recordOf("region:county", "r.json");
    const moved = join(dir, "moved.csv");
    writeFileSync(moved, readFileSync(poolFile, "utf8").split("\n").map((l) => (l.startsWith(drawn) ? l.replace(/,1405\d\d,/, ",140581,") : l)).join("\n"));
    const ok = await openVerifyPage(browser, { record: file, pool: poolFile, salt });
    try {
      expect(ok.kind).toBe("ok");
      expect(await ok.p.textContent("#stratification")).toBe("分层方式：按县级行政区划分层（region:county）");
      expect((await strataRows(ok.p)).map((r) => r.cells[1]).sort()).toEqual(["140502 城区", "140521 沁水县", "140522 阳城县", "140524 陵川县", "140525 泽州县", "140581 高平市"]);
    } finally {
      await ok.close();
    }
    const bad = await openVerifyPage(browser, { record: file, pool: moved, salt });
    try {
      expect(bad.errors).toEqual([]);
      expect(bad.kind).toBe("bad");
      expect(bad.issues.some((i) => i.startsWith("stratum_mismatch"))).toBe(true);
      expect((await strataRows(bad.p)).filter((r) => r.bad).length).toBeGreaterThanOrEqual(2);
      await bad.shot("strata-moved");
    } finally {
      await bad.close();
    }
  });
});
