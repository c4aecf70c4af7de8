// Issue 11, "Done when": one pool as XLSX with merged tier/status cells, as GBK CSV and as UTF-8 CSV gives
// byte-identical manifests, in the library and through the CLI; a date cell is a date; and any random pool written as
// CSV-UTF-8, CSV-GB18030 or XLSX (merged or not) gives the same manifest digest.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { readEntityPool, readExpertPool, readInspectorPool, readTable } from "../../src/files/index.js";
import { buildManifest, type Entity, parseEntityPoolCsv, parseInspectorPoolCsv, unwrap } from "../../src/index.js";
import { csvOf, encode, type Grid, xlsxOf } from "./consumers-pool-files.js";

const root = new URL("../../", import.meta.url).pathname;
const cli = join(root, "dist/cli.js");
const salt = "焦作公安2023-盐-7f3a9c";
const utf8 = readFileSync(join(root, "examples/data/jiaozuo-entertainment-pool.csv"), "utf8");
const grid: Grid = Papa.parse<string[]>(utf8.trim(), { header: false }).data;
const manifestOf = (pool: readonly Entity[]) => `${JSON.stringify(unwrap(buildManifest(pool, { stratify: "tier", salt })), null, 2)}\n`;
const byId = (pool: readonly Entity[]) => [...pool].sort((a, b) => (a.id < b.id ? -1 : 1));

let dir: string;
let xlsx: Buffer;
let gbk: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "consumers-manifest-"));
  xlsx = await xlsxOf(grid, {
    title: "焦作市文化娱乐场所检查对象名录库（2023年）",
    mergeRuns: ["信用风险分类", "登记状态"],
    dateColumns: ["上次检查日期"],
    numberColumns: ["行政区划代码"],
  });
  gbk = encode(utf8, "gbk");
  writeFileSync(join(dir, "pool.xlsx"), xlsx);
  writeFileSync(join(dir, "pool-gbk.csv"), gbk);
  writeFileSync(join(dir, "pool-utf8.csv"), utf8);
});

describe("one pool as XLSX (merged tier/status), GBK CSV and UTF-8 CSV", () => {
  it("the workbook really has merged tier and status cells, date cells and a title row", () => {
    const t = unwrap(readTable(xlsx, { name: "pool.xlsx" }));
    expect(t.merges.filter((m) => m.left === 6 || m.left === 7).length).toBeGreaterThan(6);
    expect(t.merges.some((m) => m.top === 1 && m.right === 10)).toBe(true);
    expect(gbk.includes(Buffer.from("名称", "utf8"))).toBe(false);
  });

  it("gives the same entities and byte-identical manifests", () => {
    const fromCsv = unwrap(parseEntityPoolCsv(utf8));
    const x = readEntityPool(xlsx, { name: "pool.xlsx" });
    const g = readEntityPool(gbk, { name: "pool-gbk.csv" });
    const u = readEntityPool(readFileSync(join(dir, "pool-utf8.csv")), { name: "pool-utf8.csv" });
    expect(byId(unwrap(x))).toEqual(byId(fromCsv));
    expect(unwrap(g)).toEqual(fromCsv);
    expect(unwrap(u)).toEqual(fromCsv);
    const m = manifestOf(fromCsv);
    expect(manifestOf(unwrap(x))).toBe(m);
    expect(manifestOf(unwrap(g))).toBe(m);
    expect(manifestOf(unwrap(u))).toBe(m);
  });

  it("says what it guessed: the encoding, the sheet's merges (one info per range), the title row", () => {
    const x = readEntityPool(xlsx, { name: "pool.xlsx" });
    const codes = x.ok ? x.warnings.map((w) => w.code) : [];
    expect(codes.filter((c) => c === "merge_filled").length).toBe(unwrap(readTable(xlsx)).merges.length);
    expect(codes).toContain("table_title_rows");
    const g = readEntityPool(gbk, { name: "pool-gbk.csv" });
    expect(g.ok && g.warnings[0]?.code).toBe("file_encoding_guessed");
  });

  it("a date cell is a date, a number cell of digits is the region code", () => {
    const e = unwrap(readEntityPool(xlsx, { name: "pool.xlsx" })).find((p) => p.id === "91410883M034582676");
    expect(e?.inspections).toEqual([{ date: "2022-02-13" }]);
    expect(e?.regionCode).toBe("410883");
  });

  it("the CLI writes byte-identical manifests from the three files", () => {
    expect(existsSync(cli), "dist/cli.js missing: run `npm run build`").toBe(true);
    const out = (file: string) => {
      const target = join(dir, `${file}.manifest.json`);
      execFileSync(process.execPath, [cli, "manifest", join(dir, file), "--salt", salt, "-o", target], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      return readFileSync(target, "utf8");
    };
    const fromUtf8 = out("pool-utf8.csv");
    expect(out("pool.xlsx")).toBe(fromUtf8);
    expect(out("pool-gbk.csv")).toBe(fromUtf8);
    expect(JSON.parse(fromUtf8).digest).toBe(JSON.parse(manifestOf(unwrap(parseEntityPoolCsv(utf8)))).digest);
  });

  it("the CLI prints the reader's infos and the header row it found, and reads the sheet asked for", () => {
    const withInfos = spawn(["manifest", join(dir, "pool.xlsx"), "--salt", salt]);
    expect(withInfos.code).toBe(0);
    expect(withInfos.err).toContain("[merge_filled]");
    expect(withInfos.err).toContain("[table_title_rows]");
    expect(spawn(["manifest", join(dir, "pool-gbk.csv"), "--salt", salt]).err).toContain("[file_encoding_guessed]");
    expect(spawn(["manifest", join(dir, "pool.xlsx"), "--salt", salt, "--sheet", "名录库"]).code).toBe(0);
    const other = spawn(["manifest", `${join(dir, "pool.xlsx")}#其他`, "--salt", salt]);
    expect(other.code).not.toBe(0);
    expect(other.err).toContain("[sheet_not_found]");
  });
});

function spawn(args: string[]): { code: number | null; err: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
  return { code: r.status, err: r.stderr };
}

describe("inspector and expert pools from files", () => {
  it("an inspector pool as GB18030 CSV and as XLSX with a merged 所属部门 reads as its UTF-8 CSV", async () => {
    const text = readFileSync(join(root, "examples/data/jiaozuo-inspectors.csv"), "utf8");
    const people = Papa.parse<string[]>(text.trim(), { header: false }).data;
    const expected = unwrap(parseInspectorPoolCsv(text));
    const sort = (list: readonly { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(unwrap(readInspectorPool(encode(text, "gb18030"), { name: "人员.csv" }))).toEqual(expected);
    expect(sort(unwrap(readInspectorPool(await xlsxOf(people, { mergeRuns: ["所属部门"] }), { name: "人员.xlsx" })))).toEqual(sort(expected));
  });
  it("an expert pool (专家库) in UTF-16 text, as Excel saves 'Unicode text'", () => {
    const text = "专家编号\t姓名\t工作单位\t专业领域\r\nZJ-01\t周专家\t焦作市应急管理局\t消防\r\n";
    const r = readExpertPool(encode(text, "utf-16"), { name: "专家库.txt" });
    expect(r.ok && r.value.map((e) => [e.id, e.expert, e.department, e.qualifications])).toEqual([["ZJ-01", true, "焦作市应急管理局", ["消防"]]]);
  });
});

describe("property: any pool as CSV-UTF-8, CSV-GB18030 or XLSX (merged or not) has the same manifest digest", () => {
  const chars = [..."甲乙丙丁戊己庚辛壬癸焦作市修武县歌舞厅演艺酒吧网吧有限公司分店𡈼𠀀·（）《》,\"' ABCxyz0123456789-"];
  const name = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 12 }).map((a) => a.join("")).filter((s) => s.trim() !== "");
  const date = fc.option(fc.date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2025-12-31T00:00:00Z"), noInvalidDate: true }), { nil: undefined });
  const entity = fc.record({
    name,
    tier: fc.constantFrom("A", "B", "C", "D", "低风险", "高风险"),
    status: fc.constantFrom("存续", "在业", "注销", "吊销"),
    region: fc.constantFrom("410802", "410803", "410821", ""),
    date,
    typed: fc.constantFrom("iso", "slash", "chinese"),
  });
  const pool = fc.uniqueArray(fc.tuple(fc.stringMatching(/^[0-9A-HJ-NP-RTUW-Y]{6,10}$/), entity), { minLength: 1, maxLength: 14, selector: ([id]) => id });

  it("holds for random pools", async () => {
    await fc.assert(
      fc.asyncProperty(pool, fc.boolean(), fc.boolean(), async (entities, merged, titled) => {
        const header = ["统一社会信用代码", "名称", "信用风险分类", "登记状态", "行政区划代码", "上次检查日期"];
        const rows = entities.map(([id, e]) => {
          const iso = e.date?.toISOString().slice(0, 10) ?? "";
          const [y, m, d] = iso.split("-").map(Number);
          const typed = iso === "" ? "" : e.typed === "iso" ? iso : e.typed === "slash" ? `${y}/${m}/${d}` : `${y}年${m}月${d}日`;
          return [id, e.name, e.tier, e.status, e.region, typed];
        });
        const g: Grid = [header, ...rows];
        const text = csvOf(g);
        // A pool of only deregistered entities has no manifest (empty_pool): the three files must agree on that too.
        const digest = (r: ReturnType<typeof readEntityPool>) => {
          const m = buildManifest(unwrap(r), { stratify: "tier", salt });
          return m.ok ? m.value.digest : m.issues.map((i) => i.code).join();
        };
        const fromUtf8 = digest(readEntityPool(Buffer.from(text, "utf8"), { name: "p.csv" }));
        expect(digest(readEntityPool(encode(text, "gb18030"), { name: "p.csv" }))).toBe(fromUtf8);
        const book = await xlsxOf(g, {
          ...(titled ? { title: "检查对象名录库" } : {}),
          ...(merged ? { mergeRuns: ["信用风险分类", "登记状态"] } : {}),
          dateColumns: ["上次检查日期"],
          numberColumns: ["行政区划代码"],
        });
        expect(digest(readEntityPool(book, { name: "p.xlsx" }))).toBe(fromUtf8);
      }),
      { seed: 1101, numRuns: 30 },
    );
  });
});
