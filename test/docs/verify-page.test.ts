// End to end: the offline verification page, opened from file:// in Debian's chromium with no network,
// re-checks a good record (verdict OK) and a tampered one (verdict names the mismatch). Screenshots are
// written to artifacts/ as a record of the run.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announce, diceEntropy, draw, parseEntityPoolCsv, unwrap } from "../../src/index.js";
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);
const page = pathToFileURL(join(root.pathname, "docs/verify/index.html")).href;
const artifacts = join(root.pathname, "artifacts");
const salt = "焦作公安2023-盐-7f3a9c";

let browser: Browser;
let dir: string;
let recordFile: string;
let tamperedFile: string;
let poolFile: string;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), "verify-page-"));
  const csv = readFileSync(new URL("examples/data/jiaozuo-entertainment-pool.csv", root), "utf8");
  const pool = unwrap(parseEntityPoolCsv(csv));
  const a = unwrap(announce({
    taskId: "JZ-2023-GA-07", pool, stratify: "tier", salt, sizes: { A: 3, B: 4, C: 3, D: 2 },
    entropySource: { kind: "dice", description: "2023-03-01 焦作市公安局 公开掷骰（20位）" },
  })).announcement;
  const record = unwrap(draw(a, pool, unwrap(diceEntropy("27182818284590452353")), { salt }));
  const tampered = structuredClone(record);
  // A portal that swapped one drawn entity for a friendlier one after the fact.
  const swapped = tampered.selections[1]!;
  swapped.id = pool.find((e) => e.status === "active" && !record.selections.some((s) => s.id === e.id))!.id;
  poolFile = join(dir, "pool.csv");
  recordFile = join(dir, "record.json");
  tamperedFile = join(dir, "tampered.json");
  writeFileSync(poolFile, csv);
  writeFileSync(recordFile, JSON.stringify(record, null, 2));
  writeFileSync(tamperedFile, JSON.stringify(tampered, null, 2));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
  });
});

afterAll(async () => {
  await browser?.close();
});

async function verify(record: string, lang: "zh" | "en" = "zh") {
  const context = await browser.newContext({ offline: true, viewport: { width: 1100, height: 900 } });
  const p = await context.newPage();
  const requests: string[] = [];
  p.on("request", (r) => requests.push(r.url()));
  const errors: string[] = [];
  p.on("pageerror", (e) => errors.push(String(e)));
  await p.goto(page);
  if (lang === "en") await p.click("#lang");
  await p.setInputFiles("#record", record);
  await p.setInputFiles("#pool", poolFile);
  await p.fill("#salt", salt);
  await p.click("#run");
  await p.waitForSelector("#verdict:not([hidden])");
  const verdict = (await p.textContent("#verdict")) ?? "";
  const issues = await p.$$eval("#issues li", (lis) => lis.map((li) => li.textContent ?? ""));
  const rows = await p.$$eval("#selections tbody tr", (trs) => trs.length);
  return { p, context, verdict, issues, rows, requests, errors };
}

describe("offline verification page (docs/verify/index.html)", () => {
  it("says OK for a genuine record, from file:// with the network off", async () => {
    const r = await verify(recordFile);
    expect(r.errors).toEqual([]);
    expect(r.verdict).toContain("复核通过");
    expect(r.issues).toEqual([]);
    expect(r.rows).toBe(12);
    expect(r.requests.every((u) => u.startsWith("file://"))).toBe(true);
    await r.p.screenshot({ path: join(artifacts, "verify-page-ok.png"), fullPage: true });
    await r.context.close();
  });

  it("names the swapped selection in a tampered record (and speaks English on request)", async () => {
    const r = await verify(tamperedFile, "en");
    expect(r.verdict).toContain("Verification failed");
    expect(r.issues.some((i) => i.includes("selection_mismatch"))).toBe(true);
    await r.p.screenshot({ path: join(artifacts, "verify-page-tampered.png"), fullPage: true });
    await r.context.close();
  });
});
