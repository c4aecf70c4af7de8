// Opens the offline verification page (docs/verify/index.html, or a copy of its folder) in Debian's chromium, from
// file:// with the network off, fills its inputs, presses 复核 and reads back what a regulator sees: the verdict and its
// kind, the input problems, the differences, the notes, the tables. Shared by the page tests (test/docs/verify-page*,
// test/files/consumers-page); never a downloaded browser (CHROMIUM_PATH or /usr/bin/chromium).
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { announce, diceEntropy, draw, parseEntityPoolCsv, unwrap } from "../../src/index.js";

const root = new URL("../../", import.meta.url).pathname;
/** Where the screenshots of a run go (reviewed by hand; not compared). */
export const artifacts = join(root, "artifacts");
/** The page in the working tree. */
export const pageUrl = pathToFileURL(join(root, "docs/verify/index.html")).href;

/** The salt of the page tests' draw. */
export const pageSalt = "焦作公安2023-盐-7f3a9c";

/**
 * The page tests' draw: 焦作's entertainment-venue pool (examples/data, as its CSV text and parsed), stratified by
 * tier with A 3, B 4, C 3, D 2, drawn with the dice entropy 27182818284590452353 and {@link pageSalt}.
 */
export function jiaozuoDraw() {
  const csv = readFileSync(join(root, "examples/data/jiaozuo-entertainment-pool.csv"), "utf8");
  const pool = unwrap(parseEntityPoolCsv(csv));
  const announcement = unwrap(announce({
    taskId: "JZ-2023-GA-07", pool, stratify: "tier", salt: pageSalt, sizes: { A: 3, B: 4, C: 3, D: 2 },
    entropySource: { kind: "dice", description: "2023-03-01 焦作市公安局 公开掷骰（20位）" },
  })).announcement;
  const record = unwrap(draw(announcement, pool, unwrap(diceEntropy("27182818284590452353")), { salt: pageSalt }));
  return { csv, pool, announcement, record };
}

/** The page folder copied into a fresh temp folder on its own, as a regulator carries it: the folder and the page's URL. */
export function copyPageFolder(prefix: string): { dir: string; page: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(root, "docs/verify"), join(dir, "verify"), { recursive: true });
  return { dir, page: pathToFileURL(join(dir, "verify", "index.html")).href };
}

/** Debian's chromium, headless, with everything that would reach the network turned off. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
  });
}

/** Paths of the files to choose (absent: left empty), the salt to type (absent: left untouched), the language. */
export interface PageInputs {
  readonly record?: string;
  readonly pool?: string;
  readonly salt?: string;
  readonly inspectors?: string;
  readonly experts?: string;
  readonly results?: string;
  readonly lang?: "zh" | "en";
  /** The page to open (default: the working tree's); a copied folder's index.html as a file:// URL. */
  readonly url?: string;
}

/** What the page shows after 复核. */
export interface PageRun {
  readonly p: Page;
  /** Text of the verdict box and its kind: "ok", "bad" or "unchecked". */
  readonly verdict: string;
  readonly kind: string;
  /** "Could not check" lines: which input (data-input) and the text. */
  readonly problems: readonly { readonly input: string; readonly text: string }[];
  /** The differences (#issues) and the notes. */
  readonly issues: readonly string[];
  readonly notes: readonly string[];
  /** Cells of the selections table, one array per row. */
  readonly selections: readonly (readonly string[])[];
  readonly teamsShown: boolean;
  readonly teamsVerdict: string;
  readonly teamRows: readonly (readonly string[])[];
  readonly resultsShown: boolean;
  readonly resultsVerdict: string;
  readonly resultsKind: string;
  /** Rows of the results table: the entity id, whether it is marked, its cells. */
  readonly resultRows: readonly { readonly id: string; readonly bad: boolean; readonly cells: readonly string[] }[];
  /** Uncaught page errors and every URL requested (all file:// when nothing leaves the machine). */
  readonly errors: readonly string[];
  readonly requests: readonly string[];
  /** Writes artifacts/verify-page-NAME.png (full page). */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

const cellsOf = (trs: Element[]) => trs.map((tr) => Array.from(tr.children, (td) => td.textContent ?? ""));

/** Opens the page in a fresh offline context, chooses the inputs, presses 复核 and waits for the verdict. */
export async function openVerifyPage(browser: Browser, inputs: PageInputs): Promise<PageRun> {
  const context = await browser.newContext({ offline: true, viewport: { width: 1100, height: 900 } });
  const p = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  p.on("pageerror", (e) => errors.push(String(e)));
  p.on("request", (r) => requests.push(r.url()));
  await p.goto(inputs.url ?? pageUrl);
  if (inputs.lang === "en") await p.click("#lang");
  for (const input of ["record", "pool", "inspectors", "experts", "results"] as const) {
    const file = inputs[input];
    if (file) await p.setInputFiles(`#${input}`, file);
  }
  if (inputs.salt !== undefined) await p.fill("#salt", inputs.salt);
  await p.click("#run");
  await p.waitForSelector("#verdict:not([hidden])");
  const text = async (selector: string) => (await p.textContent(selector)) ?? "";
  const lines = (selector: string) => p.$$eval(selector, (lis) => lis.map((li) => li.textContent ?? ""));
  return {
    p,
    verdict: await text("#verdict"),
    kind: (await p.getAttribute("#verdict", "class")) ?? "",
    problems: await p.$$eval("#input-problems li", (lis) => lis.map((li) => ({ input: li.getAttribute("data-input") ?? "", text: li.textContent ?? "" }))),
    issues: await lines("#issues li"),
    notes: await lines("#notes li"),
    selections: await p.$$eval("#selections tbody tr", cellsOf),
    teamsShown: await p.isVisible("#teams"),
    teamsVerdict: await text("#teams-verdict"),
    teamRows: await p.$$eval("#teams tbody tr", cellsOf),
    resultsShown: await p.isVisible("#results-table"),
    resultsVerdict: await text("#results-verdict"),
    resultsKind: (await p.getAttribute("#results-verdict", "class")) ?? "",
    resultRows: await p.$$eval("#results-table tbody tr", (trs) => trs.map((tr) => ({
      id: tr.getAttribute("data-id") ?? "", bad: tr.classList.contains("bad"), cells: Array.from(tr.children, (td) => td.textContent ?? ""),
    }))),
    errors,
    requests,
    shot: async (name) => {
      await p.screenshot({ path: join(artifacts, `verify-page-${name}.png`), fullPage: true });
    },
    close: () => context.close(),
  };
}
