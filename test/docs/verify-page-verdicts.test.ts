// The offline page tells "could not check" (which input, why, what to do) from "checked: matches" and "checked:
// N differences", in Debian's chromium from file:// with the network off: no files, a GBK pool, a workbook as the
// pool, a garbage or incomplete record, record and pool swapped, an empty or blank salt; a wrong salt (or the right
// one with a trailing space) in one line with a hint; the tampered row marked; the salt typed as a password with
// "show"; the folder copied elsewhere still works (the draw bundle ships beside the page). Screenshots: artifacts/.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyPageFolder, jiaozuoDraw, launchChromium, openVerifyPage, pageSalt } from "../_internal/verify-page.js";
import { drawMessages } from "../../src/messages/draw.js";

const root = new URL("../../", import.meta.url).pathname;
const salt = pageSalt;
let browser: Browser;
let dir: string;
let page: string;
const files: Record<string, string> = {};
let tamperedPosition = 0;

/** GBK bytes of a text, from the browser-standard GBK decoder inverted (Node has no GBK encoder). */
function gbk(text: string): Uint8Array {
  const dec = new TextDecoder("gbk");
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) {
    if (b === 0x7f) continue;
    const ch = dec.decode(new Uint8Array([a, b]));
    if (ch.length === 1 && ch !== "\uFFFD" && !table.has(ch)) table.set(ch, [a, b]);
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}

beforeAll(async () => {
  const bundle = join(root, "docs/verify/double-random.draw.global.js");
  if (!existsSync(bundle)) throw new Error("docs/verify/double-random.draw.global.js is missing: run `npm run build` (the test command does)");
  ({ dir, page } = copyPageFolder("verify-verdicts-"));
  const { csv, pool, record } = jiaozuoDraw();
  const tampered = structuredClone(record);
  tamperedPosition = 3;
  tampered.selections[tamperedPosition - 1]!.id = pool.find((e) => e.status === "active" && !record.selections.some((s) => s.id === e.id))!.id;
  const write = (name: string, data: string | Uint8Array) => { files[name] = join(dir, name); writeFileSync(files[name]!, data); };
  write("pool.csv", csv);
  write("record.json", JSON.stringify(record, null, 2));
  write("tampered.json", JSON.stringify(tampered, null, 2));
  write("pool-gbk.csv", gbk(csv));
  // An .xlsx is a ZIP: its first bytes are what the page looks at.
  write("pool.xlsx", new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0]));
  write("garbage.json", "{ \"protocol\": \"double-random/draw-v1\", \"selections\": [");
  write("incomplete.json", JSON.stringify({ protocol: "double-random/draw-v1", taskId: "X", selections: [], announcement: {} }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const check = async (inputs: { record?: string; pool?: string; salt?: string }, lang: "zh" | "en" = "zh", shot?: string) => {
  const r = await openVerifyPage(browser, { url: page, lang, salt: inputs.salt, record: inputs.record && files[inputs.record], pool: inputs.pool && files[inputs.pool] });
  if (shot) await r.shot(shot);
  return r;
};

describe("offline page: could not check, told apart from checked", () => {
  it("works from a copied folder (bundle beside the page), with the network off; the salt is a password field with show", async () => {
    const r = await check({ record: "record.json", pool: "pool.csv", salt }, "zh", "copied-ok");
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe("ok");
    expect(r.verdict).toContain("复核通过");
    expect(r.requests.every((u) => u.startsWith("file://"))).toBe(true);
    expect(await r.p.getAttribute("#salt", "type")).toBe("password");
    await r.p.click("#salt-show");
    expect(await r.p.getAttribute("#salt", "type")).toBe("text");
    expect(await r.p.textContent("#salt-show")).toBe("隐藏");
    await r.p.click("#salt-show");
    expect(await r.p.getAttribute("#salt", "type")).toBe("password");
    await r.close();
  });

  it("no files and no salt: one line per missing input, and no verdict on the draw", async () => {
    const r = await check({}, "zh", "no-files");
    expect(r.kind).toBe("unchecked");
    expect(r.verdict).toContain("无法复核（未做任何检查）");
    expect(r.verdict).not.toContain("复核未通过");
    expect(r.problems.map((x) => x.input)).toEqual(["record", "pool", "salt"]);
    expect(r.problems[0]!.text).toContain("选择部门公布的抽取记录");
    await r.close();
  });

  it("a GBK pool is read (the table reader says GB18030); a damaged workbook as the pool: which input, could not check", async () => {
    const g = await check({ record: "record.json", pool: "pool-gbk.csv", salt }, "zh", "gbk-pool");
    expect(g.kind).toBe("ok");
    expect(g.notes.some((n) => n.includes("gb18030"))).toBe(true);
    await g.close();
    const x = await check({ record: "record.json", pool: "pool.xlsx", salt }, "en");
    expect(x.kind).toBe("unchecked");
    expect(x.problems[0]!.input).toBe("pool");
    expect(x.verdict).not.toContain("verified");
    await x.close();
  });

  it("a garbage record and an incomplete one: the record cannot be read, never 'verification failed'", async () => {
    const g = await check({ record: "garbage.json", pool: "pool.csv", salt }, "zh", "garbage-record");
    expect(g.kind).toBe("unchecked");
    expect(g.problems[0]!.input).toBe("record");
    expect(g.problems[0]!.text).toContain("不是有效的 JSON");
    expect(g.verdict).not.toContain("复核未通过");
    await g.close();
    const i = await check({ record: "incomplete.json", pool: "pool.csv", salt });
    expect(i.kind).toBe("unchecked");
    expect(i.problems.every((x) => x.input === "record")).toBe(true);
    expect(i.problems[0]!.text).toContain("record_malformed");
    await i.close();
  });

  it("record and pool swapped: both inputs named, with the hint that they are swapped", async () => {
    const r = await check({ record: "pool.csv", pool: "record.json", salt }, "zh", "swapped");
    expect(r.kind).toBe("unchecked");
    expect(r.problems.map((x) => x.input)).toEqual(["record", "pool"]);
    for (const x of r.problems) expect(x.text).toContain("放反了");
    await r.close();
  });

  it("an empty or blank salt: could not check, the salt named", async () => {
    for (const s of ["", "   "]) {
      const r = await check({ record: "record.json", pool: "pool.csv", salt: s });
      expect(r.kind).toBe("unchecked");
      expect(r.problems.map((x) => x.input)).toEqual(["salt"]);
      expect(r.problems[0]!.text).toContain(s === "" ? "未填写" : "只有空白字符");
      await r.close();
    }
  });
});

describe("offline page: checked", () => {
  it("a wrong salt is one line with a hint; the differences stay folded", async () => {
    const r = await check({ record: "record.json", pool: "pool.csv", salt: `${salt}x` }, "zh", "wrong-salt");
    expect(r.kind).toBe("bad");
    expect(r.verdict).toContain("盐值很可能有误");
    expect(r.verdict).toContain("请核对部门提供的盐值");
    expect(await r.p.getAttribute("#problems-fold", "open")).toBeNull();
    expect(r.issues.length).toBeGreaterThan(1);
    // No English tokens in the Chinese lines: field and expected/found words are translated.
    for (const line of r.issues) expect(line.replace(/^[a-z_]+ /, "")).not.toMatch(/presence|present|missing|digest/);
    await r.close();
  });

  it("the right salt with a trailing space: the same one line, and the whitespace pointed out", async () => {
    const r = await check({ record: "record.json", pool: "pool.csv", salt: `${salt} ` }, "en");
    expect(r.verdict).toContain("the salt is most likely wrong");
    expect(r.verdict).toContain("whitespace at an end");
    expect(r.notes.some((n) => n.includes("salt_whitespace"))).toBe(true);
    await r.close();
  });

  it("a tampered record: the differing row is marked in the selections table", async () => {
    const r = await check({ record: "tampered.json", pool: "pool.csv", salt }, "zh", "tampered-marked");
    expect(r.kind).toBe("bad");
    expect(r.verdict).toContain("复核未通过：发现 1 处不一致");
    const marked = await r.p.$$eval("#selections tbody tr.bad", (trs) => trs.map((tr) => tr.id));
    expect(marked).toEqual([`selection-${tamperedPosition}`]);
    expect(await r.p.getAttribute(`#selection-${tamperedPosition}`, "title")).toContain("对象编号");
    expect(r.issues[0]).toContain("（对象编号）");
    await r.close();
  });

  it("the page shows the library's messages as they are: the words of draw mismatches come with the issue, no table of its own", () => {
    const js = readFileSync(join(root, "docs/verify/verify.js"), "utf8");
    expect(js).not.toMatch(/var FIELD =/);
    for (const code of ["stratum_mismatch", "selection_mismatch", "replacement_mismatch", "exclusion_count_mismatch"] as const) {
      expect(drawMessages[code].zh).toMatch(/\{(fieldName|reasonName)\}/);
      expect(js).not.toContain(`${code}: `);
    }
  });
});
