// The real command line (dist/cli.js, built by the test command), on real files.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { cliPath, requireBuiltCli, runCli } from "../_internal/cli.js";

const root = new URL("../../", import.meta.url).pathname;
const cli = cliPath;
const pool = join(root, "examples/data/jiaozuo-entertainment-pool.csv");
const salt = "焦作公安2023盐值-7f3a9c0d";
let dir: string;

const run = (...args: string[]) => runCli(args, { cwd: dir });

beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), "dr-cli-"));
});

describe("double-random CLI", () => {
  it("quota: parses wording and sizes it, in zh and en", () => {
    const zh = run("quota", "不低于10%；不少于4户；1次/年", "--pool", "20");
    expect(zh.code).toBe(0);
    expect(zh.out).toContain("抽取数量: 4");
    const en = run("quota", "每半年3%", "--pool", "108", "--format", "json");
    expect(JSON.parse(en.out).size.size).toBe(4);
  });

  it("quota: ambiguous wording exits 1 with a coded message, no stack trace", () => {
    const r = run("quota", "0.1", "--pool", "20");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\[quota_\w+\]/);
    expect(r.err).not.toMatch(/\bat .*\.js:\d+/);
  });

  it("announce → draw → verify on the sample pool; tampering is caught (exit 1)", () => {
    const a = run("announce", pool, "--task-id", "JZ-2023-GA-07", "--salt", salt, "--quota", "每半年3%", "--policy", "D类全部",
      "--entropy-source", "dice:2023年3月1日 公开掷骰20位", "-o", "a.json");
    expect(a.code, a.err).toBe(0);
    const announcement = JSON.parse(readFileSync(join(dir, "a.json"), "utf8"));
    expect(announcement.strata.map((s: { n: number }) => s.n).sort((x: number, y: number) => x - y)).toEqual([1, 3, 4, 17]);
    const d = run("draw", "a.json", pool, "--salt", salt, "--entropy", "dice:27182818284590452353", "-o", "r.json");
    expect(d.code, d.err).toBe(0);
    const ok = run("verify", "r.json", "--pool", pool, "--salt", salt);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain("复核通过");

    const record = JSON.parse(readFileSync(join(dir, "r.json"), "utf8"));
    record.selections[0].counter += 1;
    writeFileSync(join(dir, "bad.json"), JSON.stringify(record));
    const bad = run("verify", "bad.json", "--pool", pool, "--salt", salt, "--lang", "en");
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("Verification failed");
    // The mismatches are the verdict: on stdout, so `verify … > 结果.txt` keeps them.
    expect(bad.out).toContain("selection_mismatch");
  });

  it("match: teams for every drawn target, verifiable; an impossible qualification is explained (exit 1)", () => {
    expect(run("announce", pool, "--task-id", "T-M", "--salt", salt, "--sizes", "6", "--stratify", "none", "--entropy-source", "dice:公开掷骰", "-o", "am.json").code).toBe(0);
    expect(run("draw", "am.json", pool, "--salt", salt, "--entropy", "dice:27182818284590452353", "-o", "rm.json").code).toBe(0);
    const inspectors = join(root, "examples/data/jiaozuo-inspectors.csv");
    const m = run("match", "rm.json", "--inspectors", inspectors, "--pool", pool, "--departments", "焦作市公安局", "--qualifications", "治安管理", "-o", "mm.json");
    expect(m.code, m.err).toBe(0);
    expect(m.out.trim().split("\n")).toHaveLength(7);
    expect(m.out.trim().split("\n")[6]).toMatch(/^选派记录链头 logHead：[0-9a-f]{64}$/);
    const matched = JSON.parse(readFileSync(join(dir, "mm.json"), "utf8"));
    expect(matched.match.teams).toHaveLength(6);
    for (const team of matched.match.teams) expect(team.members.length).toBeGreaterThanOrEqual(2);
    const unchecked = run("verify", "mm.json", "--pool", pool, "--salt", salt);
    expect(unchecked.code).toBe(0);
    expect(unchecked.out).toContain("检查组未复核");
    const checked = run("verify", "mm.json", "--pool", pool, "--salt", salt, "--inspectors", inspectors);
    expect(checked.code, checked.err).toBe(0);
    expect(checked.out).toContain("检查组复核通过：6 组");
    // A portal that swapped a team member after the draw.
    const member = matched.match.teams[0].members[0];
    const other = readFileSync(inspectors, "utf8").split("\n").map((l) => l.split(",")).find((c) => c[2] === "焦作市公安局" && c[3] === "是" && !matched.match.teams[0].members.some((m: { id: string }) => m.id === c[0]))!;
    member.id = other[0];
    member.name = other[1];
    writeFileSync(join(dir, "mm-bad.json"), JSON.stringify(matched));
    const bad = run("verify", "mm-bad.json", "--pool", pool, "--salt", salt, "--inspectors", inspectors);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/\[match_\w+\]/);
    const none = run("match", "rm.json", "--inspectors", inspectors, "--departments", "焦作市公安局", "--qualifications", "特种设备", "--lang", "en");
    expect(none.code).toBe(1);
    expect(none.err).toContain("match_no_eligible");
  });

  it("announce --inspectors commits to the roster and rules (match-v1 §8.1): match accepts only those, verify says so", () => {
    const inspectors = join(root, "examples/data/jiaozuo-inspectors.csv");
    const a = run("announce", pool, "--task-id", "T-C", "--salt", salt, "--sizes", "4", "--stratify", "none", "--entropy-source", "dice:公开掷骰",
      "--inspectors", inspectors, "--departments", "焦作市公安局", "--qualifications", "治安管理", "-o", "ac.json");
    expect(a.code, a.err).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "ac.json"), "utf8")).match).toMatchObject({ protocol: "double-random/match-v1", rules: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(run("draw", "ac.json", pool, "--salt", salt, "--entropy", "dice:27182818284590452353", "-o", "rc.json").code).toBe(0);
    // Rules other than the announced ones are refused, with a coded message.
    expect(JSON.parse(readFileSync(join(dir, "ac.json"), "utf8")).match.entities).toMatch(/^[0-9a-f]{64}$/);
    // The entity attributes are committed too (salted): matching without the salt is refused, with a code.
    const noSalt = run("match", "rc.json", "--inspectors", inspectors, "--pool", pool, "--departments", "焦作市公安局", "--qualifications", "治安管理");
    expect([noSalt.code, noSalt.err]).toEqual([2, expect.stringContaining("[cli_missing_argument]")]);
    const other = run("match", "rc.json", "--inspectors", inspectors, "--pool", pool, "--salt", salt, "--departments", "焦作市公安局", "--lang", "en");
    expect(other.code).toBe(1);
    expect(other.err).toContain("match_commitment_mismatch");
    expect(other.err).toContain("matching rules");
    // So is a roster with one person fewer.
    const rows = readFileSync(inspectors, "utf8").trimEnd().split("\n");
    writeFileSync(join(dir, "fewer.csv"), rows.slice(0, -1).join("\n"));
    const fewer = run("match", "rc.json", "--inspectors", "fewer.csv", "--pool", pool, "--salt", salt, "--departments", "焦作市公安局", "--qualifications", "治安管理");
    expect(fewer.code).toBe(1);
    expect(fewer.err).toContain("执法人员名录库");
    // A fake "last inspection" in the pool given to match is not the committed one.
    const faked = readFileSync(pool, "utf8").replace(/,2022-0(\d)-/, ",2023-0$1-");
    writeFileSync(join(dir, "faked.csv"), faked);
    const fake = run("match", "rc.json", "--inspectors", inspectors, "--pool", "faked.csv", "--salt", salt, "--departments", "焦作市公安局", "--qualifications", "治安管理");
    expect([fake.code, fake.err]).toEqual([1, expect.stringContaining("[match_commitment_mismatch]")]);
    const m = run("match", "rc.json", "--inspectors", inspectors, "--pool", pool, "--salt", salt, "--departments", "焦作市公安局", "--qualifications", "治安管理", "-o", "mc.json");
    expect(m.code, m.err).toBe(0);
    const v = run("verify", "mc.json", "--pool", pool, "--salt", salt, "--inspectors", inspectors);
    expect(v.code, v.err).toBe(0);
    expect(v.err).not.toContain("match_not_committed");
    expect(v.err).not.toContain("match_entities_not_committed");
    expect(v.out).toMatch(/检查组复核通过：4 组；事后回避 0 次（阈值 2），链头 [0-9a-f]{64}/);
    // The earlier, uncommitted record verifies too, and says what that cannot prove.
    expect(run("verify", "mm.json", "--pool", pool, "--salt", salt, "--inspectors", inspectors).err).toContain("match_not_committed");
  });

  it("verify --pool takes the manifest written by manifest -o: says so, says exclusions were not re-checked, catches tampering", () => {
    expect(run("announce", pool, "--task-id", "JZ-2023-GA-08", "--salt", salt, "--quota", "每半年3%", "--policy", "D类全部",
      "--entropy-source", "dice:2023年3月1日 公开掷骰20位", "-o", "a8.json").code).toBe(0);
    expect(run("draw", "a8.json", pool, "--salt", salt, "--entropy", "dice:27182818284590452353", "-o", "r8.json").code).toBe(0);
    const m = run("manifest", pool, "--salt", salt, "-o", "m8.json");
    expect(m.code, m.err).toBe(0);

    const good = run("verify", "r8.json", "--pool", "m8.json", "--salt", salt);
    expect(good.code, good.err).toBe(0);
    expect(good.out).toContain("复核通过");
    expect(good.out).toContain("按名录清单复核（排除数未复核）");
    expect(good.err).toContain("[exclusions_not_checked]");
    const viaPool = run("verify", "r8.json", "--pool", pool, "--salt", salt);
    expect(viaPool.out).toContain("按名录库复核");
    expect(viaPool.err).not.toContain("exclusions_not_checked");
    const en = run("verify", "r8.json", "--pool", "m8.json", "--salt", salt, "--lang", "en");
    expect(en.out).toContain("checked against a manifest (exclusion counts not re-checked)");
    const machine = JSON.parse(run("verify", "r8.json", "--pool", "m8.json", "--salt", salt, "--format", "json").out);
    expect(machine).toMatchObject({ ok: true, checkedAgainst: "manifest", teamsChecked: false });
    expect(machine.warnings.map((w: { code: string }) => w.code)).toContain("exclusions_not_checked");

    const record = JSON.parse(readFileSync(join(dir, "r8.json"), "utf8"));
    const manifest = JSON.parse(readFileSync(join(dir, "m8.json"), "utf8"));
    const stratum = manifest.strata.find((s: { key: string }) => s.key === record.selections[0].stratum);
    record.selections[0].id = stratum.ids.find((id: string) => !record.selections.some((x: { id: string }) => x.id === id));
    writeFileSync(join(dir, "r8-bad.json"), JSON.stringify(record));
    const tampered = run("verify", "r8-bad.json", "--pool", "m8.json", "--salt", salt, "--lang", "en");
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain("Verification failed: 1 mismatch(es)");
    expect(tampered.out).toContain("[selection_mismatch]");
    expect(tampered.out).toContain("[exclusions_not_checked]");

    stratum.ids[0] = `${stratum.ids[0]}0`;
    writeFileSync(join(dir, "m8-edited.json"), JSON.stringify(manifest));
    const edited = run("verify", "r8.json", "--pool", "m8-edited.json", "--salt", salt);
    expect(edited.code).toBe(1);
    expect(edited.out).toContain("[manifest_inconsistent]");
    const wrongSalt = run("verify", "r8.json", "--pool", "m8.json", "--salt", `${salt}x`);
    expect(wrongSalt.code).toBe(1);
    expect(wrongSalt.out).toContain("[verify_salt_likely_wrong]");
    expect(run("verify", "r8.json", "--pool", "m8.json", "--salt", `${salt}x`, "--details").out).toContain("[manifest_salt_mismatch]");
    writeFileSync(join(dir, "neither.json"), JSON.stringify({ ids: [] }));
    const neither = run("verify", "r8.json", "--pool", "neither.json", "--salt", salt);
    expect(neither.code).toBe(2);
    expect(neither.out).toContain("无法复核");
    expect(neither.out).toContain("[input_wrong_kind]");
  });

  it("verify with a manifest and --inspectors: the teams are not re-checked, with a coded reason (recusal needs the pool)", () => {
    expect(run("announce", pool, "--task-id", "T-M9", "--salt", salt, "--sizes", "5", "--stratify", "none", "--entropy-source", "dice:公开掷骰", "-o", "a9.json").code).toBe(0);
    expect(run("draw", "a9.json", pool, "--salt", salt, "--entropy", "dice:16180339887498948482", "-o", "r9.json").code).toBe(0);
    const inspectors = join(root, "examples/data/jiaozuo-inspectors.csv");
    expect(run("match", "r9.json", "--inspectors", inspectors, "--pool", pool, "--departments", "焦作市公安局", "-o", "t9.json").code).toBe(0);
    expect(run("manifest", pool, "--salt", salt, "--stratify", "none", "-o", "m9.json").code).toBe(0);
    const r = run("verify", "t9.json", "--pool", "m9.json", "--salt", salt, "--inspectors", inspectors);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("[teams_not_checked] 记录含5个检查组，检查组未复核：按名录清单复核时无法复核选派");
    expect(r.out).not.toContain("检查组复核通过");
    const machine = JSON.parse(run("verify", "t9.json", "--pool", "m9.json", "--salt", salt, "--inspectors", inspectors, "--format", "json", "--lang", "en").out);
    expect(machine.teamsChecked).toBe(false);
    const reason = machine.warnings.find((w: { code: string }) => w.code === "teams_not_checked");
    expect(reason.message.en).toContain("recusal");
    // The same record and inspectors with the pool: the teams are re-checked.
    const withPool = run("verify", "t9.json", "--pool", pool, "--salt", salt, "--inspectors", inspectors);
    expect(withPool.code, withPool.err).toBe(0);
    expect(withPool.out).toContain("检查组复核通过：5 组");
  });

  it("manifest: reads an .xlsx pool and gives the same digest as the CSV", async () => {
    const rows = readFileSync(pool, "utf8").trim().split("\n").map((l) => l.split(","));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名录库");
    for (const r of rows) ws.addRow(r);
    await wb.xlsx.writeFile(join(dir, "pool.xlsx"));
    const fromCsv = run("manifest", pool, "--salt", salt, "--format", "json");
    const fromXlsx = run("manifest", "pool.xlsx", "--salt", salt, "--format", "json");
    expect(fromXlsx.code, fromXlsx.err).toBe(0);
    expect(JSON.parse(fromXlsx.out).digest).toBe(JSON.parse(fromCsv.out).digest);
  });

  it("bad files and arguments: one clear message and a non-zero exit", () => {
    // A workbook cut short in transfer: a ZIP header and nothing readable after it. (A text file named .xlsx is read
    // by its content, as CSV, with a file_format_mismatch note.)
    writeFileSync(join(dir, "broken.xlsx"), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("this is not a workbook")]));
    const cases = [
      [run("verify", "missing.json", "--pool", pool, "--salt", salt), "file_not_found"],
      [run("manifest", "broken.xlsx", "--salt", salt), "file_zip_unreadable"],
      [run("manifest", pool), "cli_missing_argument"],
      [run("manifest", "pool.pdf", "--salt", salt), "file_format_unsupported"],
      [run("frobnicate"), "cli_unknown_command"],
      [run("quota", "20%", "--pool", "-3"), "cli_option_value_missing"],
      [run("quota", "20%", "--pool=-3"), "cli_bad_option"],
      [run("quota", "20%", "--colour"), "cli_unknown_option"],
    ] as const;
    for (const [r, code] of cases) {
      expect(r.code, r.err).toBe(2);
      expect(r.out + r.err).toContain(`[${code}]`);
      expect(r.out + r.err).not.toMatch(/\n\s+at /);
    }
  });

  it("schema: prints a JSON Schema that names the model", () => {
    const r = run("schema", "Entity");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).$defs.Entity.properties.id).toBeDefined();
  });

  it("help lists every command", () => {
    const out = execFileSync(process.execPath, [cli, "--help"], { encoding: "utf8" });
    for (const c of ["quota", "lint", "manifest", "announce", "draw", "match", "verify", "schema"]) expect(out).toContain(`double-random ${c}`);
  });
});
