// The command-line contract (README "命令行"), on the real dist/cli.js: coded messages in the chosen language,
// documented exit codes (0 ok, 1 checked and "no", 2 usage/input), --version, atomic writes, --format json always
// JSON on stdout, verify's verdict on stdout and "could not check" told apart from "checked: N differences".
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requireBuiltCli, runCli } from "../_internal/cli.js";

const root = new URL("../../", import.meta.url).pathname;
const pool = join(root, "examples/data/jiaozuo-entertainment-pool.csv");
const salt = "焦作公安2023盐值-7f3a9c0d";
let dir: string;

const run = (...args: string[]) => runCli(args, { cwd: dir });

/** Latin words in a zh text that are not codes, options, file names or units. */
const english = (text: string) => (text.replace(/\[[a-z_]+\]|--?[a-z-]+|[\w.-]+\.(json|csv|xlsx|txt)|\b[a-z]+_[a-z_]+\b/g, "").match(/\b[A-Za-z]{4,}\b/g) ?? []);

beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), "dr-contract-"));
  expect(run("announce", pool, "--task-id", "T-1", "--salt", salt, "--sizes", "A=2,B=2,C=2,D=1", "--entropy-source", "dice:公开掷骰", "-o", "a.json").code).toBe(0);
  expect(run("draw", "a.json", pool, "--salt", salt, "--entropy", "dice:27182818284590452353", "-o", "r.json").code).toBe(0);
});

describe("CLI contract", () => {
  it("names an unknown option in the chosen language, with the accepted ones (exit 2)", () => {
    const zh = run("verify", "r.json", "--pool", pool, "--salt", salt, "--foo");
    expect(zh.code).toBe(2);
    expect(zh.err).toContain("[cli_unknown_option] 不认识的选项 --foo（可用：");
    expect(zh.err).toContain("--salt-file");
    expect(english(zh.err.split("（可用")[0]!)).toEqual([]);
    const en = run("verify", "--lang", "en", "--bar=1");
    expect(en.err).toContain("[cli_unknown_option] Unknown option --bar");
    const missing = run("draw", "a.json", pool, "--salt");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("[cli_option_value_missing] 选项 --salt 缺少取值");
  });

  it("--version prints the package version; --help documents exit codes, --format json and --salt-file", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const v = run("--version");
    expect(v.code).toBe(0);
    expect(v.out.trim()).toBe(`double-random ${pkg.version}`);
    const help = run("--help");
    expect(help.out).toContain("退出码：0");
    expect(run("--help", "--lang", "en").out).toContain("Exit codes: 0");
    expect(run("draw", "--help").out).toContain("--salt-file");
    expect(run("verify", "--help").out).toContain("--salt-file");
    expect(run("announce", "--help").out).toMatch(/--stratify tier\|none\|region[\s\S]*tier 按信用风险分类（默认/);
  });

  it("-o to a directory or into a missing directory: a coded error, nothing written (exit 2)", () => {
    mkdirSync(join(dir, "out"), { recursive: true });
    const toDir = run("draw", "a.json", pool, "--salt", salt, "--entropy", "dice:27182818284590452353", "-o", "out");
    expect(toDir.code).toBe(2);
    expect(toDir.err).toContain("[output_is_directory]");
    expect(toDir.err).not.toContain("EISDIR");
    const missing = run("draw", "a.json", pool, "--salt", salt, "--entropy", "dice:27182818284590452353", "-o", "nowhere/r.json", "--lang", "en");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("[output_dir_missing] Cannot write nowhere/r.json: the directory nowhere does not exist");
    expect(existsSync(join(dir, "nowhere"))).toBe(false);
  });

  it("writes atomically: the target is replaced whole and no temporary file is left", () => {
    writeFileSync(join(dir, "out", "r2.json"), "old");
    const r = run("draw", "a.json", pool, "--salt", salt, "--entropy", "dice:27182818284590452353", "-o", "out/r2.json");
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(dir, "out", "r2.json"), "utf8")).toBe(readFileSync(join(dir, "r.json"), "utf8"));
    expect(readdirSync(join(dir, "out")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("--format json: stdout is one JSON document on success and on every failure", () => {
    const cases = [
      run("verify", "r.json", "--pool", pool, "--salt", salt, "--format", "json"),
      run("verify", "missing.json", "--pool", pool, "--salt", salt, "--format", "json"),
      run("verify", "r.json", "--pool", "nope.csv", "--salt", salt, "--format", "json"),
      run("verify", "r.json", "--pool", pool, "--format", "json", "--frobnicate"),
      run("draw", "a.json", pool, "--salt", salt, "--entropy", "dice:27182818284590452353", "-o", "out", "--format", "json"),
      run("draw", "a.json", pool, "--salt", salt, "--entropy", "dice:27182818284590452353", "-o", "out/r3.json", "--format", "json"),
      run("quota", "0.1", "--format", "json"),
      run("frobnicate", "--format", "json"),
    ];
    for (const r of cases) {
      const doc = JSON.parse(r.out) as { ok: boolean; exitCode?: number; issues?: { code: string }[] };
      expect(typeof doc.ok).toBe("boolean");
      if (!doc.ok) {
        expect(doc.exitCode).toBe(r.code);
        expect(doc.issues!.length).toBeGreaterThan(0);
      }
    }
    expect(cases.map((r) => r.code)).toEqual([0, 2, 2, 2, 2, 0, 1, 2]);
  });

  it("verify: could not check (exit 2) is told apart from checked with differences (exit 1)", () => {
    writeFileSync(join(dir, "garbage.json"), "{ not json");
    writeFileSync(join(dir, "junk-record.json"), JSON.stringify({ protocol: "double-random/draw-v1", hello: 1 }));
    writeFileSync(join(dir, "blank-salt.txt"), "   \n");
    const couldNot = [
      [run("verify", "garbage.json", "--pool", pool, "--salt", salt), "json_invalid"],
      [run("verify", "junk-record.json", "--pool", pool, "--salt", salt), "record_malformed"],
      [run("verify", pool, "--pool", "r.json", "--salt", salt), "input_wrong_kind"],
      [run("verify", "r.json", "--pool", "r.json", "--salt", salt), "input_wrong_kind"],
      [run("verify", "r.json", "--pool", pool, "--salt", "  "), "cli_salt_blank"],
      [run("verify", "r.json", "--pool", pool, "--salt-file", "blank-salt.txt"), "cli_salt_blank"],
    ] as const;
    for (const [r, code] of couldNot) {
      expect(r.code, r.out + r.err).toBe(2);
      expect(r.out).toContain("无法复核（未做任何检查）");
      expect(r.out).toContain(`[${code}]`);
      expect(r.out).not.toContain("复核未通过");
    }
    // Swapped files get a hint.
    expect(couldNot[2][0].out).toContain("放反");
  });

  it("verify: a wrong salt is one line with a hint (details on request); a trailing space is pointed out", () => {
    const wrong = run("verify", "r.json", "--pool", pool, "--salt", `${salt} `);
    expect(wrong.code).toBe(1);
    const lines = wrong.out.trim().split("\n");
    expect(lines[0]).toContain("[verify_salt_likely_wrong]");
    expect(lines[0]).toContain("盐值很可能有误");
    expect(wrong.out).toContain("首尾有空白");
    expect(wrong.out).not.toContain("stratum_mismatch");
    expect(wrong.err).toContain("[cli_salt_whitespace]");
    const details = run("verify", "r.json", "--pool", pool, "--salt", "另一个盐值-0000000000", "--details");
    expect(details.out).toContain("[stratum_mismatch]");
    // A real difference is listed on stdout with its code, not blamed on the salt.
    const record = JSON.parse(readFileSync(join(dir, "r.json"), "utf8"));
    record.selections[0].counter += 1;
    writeFileSync(join(dir, "bad.json"), JSON.stringify(record));
    const bad = run("verify", "bad.json", "--pool", pool, "--salt", salt);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/✗ 复核未通过: \d+ 处不一致/);
    expect(bad.out).toContain("[selection_mismatch]");
    expect(bad.out).not.toContain("verify_salt_likely_wrong");
  });

  it("match refuses a malformed record as verify does (exit 2, nothing written)", () => {
    const record = JSON.parse(readFileSync(join(dir, "r.json"), "utf8"));
    record.junk = "x";
    writeFileSync(join(dir, "junk.json"), JSON.stringify(record));
    const inspectors = join(root, "examples/data/jiaozuo-inspectors.csv");
    const m = run("match", "junk.json", "--inspectors", inspectors, "--departments", "焦作市公安局", "-o", "teams.json");
    expect(m.code).toBe(2);
    expect(m.err).toContain("[record_malformed]");
    expect(existsSync(join(dir, "teams.json"))).toBe(false);
    const v = run("verify", "junk.json", "--pool", pool, "--salt", salt);
    expect(v.code).toBe(2);
    expect(v.out).toContain("[record_malformed]");
  });

  it("quota prints bounds and frequencies in Chinese words", () => {
    const r = run("quota", "不低于10%；不少于4户；1次/年", "--pool", "20");
    expect(r.out).toContain("比例: 1/10（不低于）");
    expect(r.out).toContain("频次: 每年 1 次");
    expect(english(r.out)).toEqual([]);
    expect(run("quota", "不低于10%", "--lang", "en").out).toContain("ratio: 1/10 (at least)");
  });
});
