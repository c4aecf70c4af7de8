// Every protocol option reachable from the command line, each checked end to end with `verify` (real CLI runs):
// replacements (补抽) with reasons, the recent-inspection exclusion, commit–reveal (commit → announce commit: →
// draw reveal: in the canonical "/" form), the record's own lottery: value pasted back, beacon rounds, --salt-file,
// --stratify.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseEntityPoolCsv, unwrap } from "../../src/index.js";
import { requireBuiltCli, runCli } from "../_internal/cli.js";

const root = new URL("../../", import.meta.url).pathname;
const pool = join(root, "examples/data/jiaozuo-entertainment-pool.csv");
const salt = "焦作市场监管2024-盐-51c0de";
let dir: string;

const run = (...args: string[]) => runCli(args, { cwd: dir });
const json = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8"));

beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), "dr-protocol-"));
  writeFileSync(join(dir, "salt.txt"), `${salt}\n`);
});

describe("protocol options from the CLI, verified end to end", () => {
  it("replace: 补抽 with a listed reason and a decision continues the same stratum's stream; verify re-checks it and its chain", () => {
    expect(run("announce", pool, "--task-id", "R-1", "--salt-file", "salt.txt", "--sizes", "A=2,B=2,C=2,D=1", "--entropy-source", "dice:公开掷骰", "-o", "a.json").code).toBe(0);
    expect(run("draw", "a.json", pool, "--salt-file", "salt.txt", "--entropy", "dice:27182818284590452353", "-o", "r.json").code).toBe(0);
    const record = json("r.json");
    const [first, second] = record.selections as { id: string; stratum: string }[];
    const decided = ["--decided-by", "分管负责人 李四", "--decided-at", "2024-03-05"];
    const r1 = run("replace", "r.json", pool, "--salt-file", "salt.txt", "--replace", `${first!.id}=deregistered`, ...decided, "-o", "r1.json");
    expect(r1.code, r1.err).toBe(0);
    const r = run("replace", "r1.json", pool, "--salt-file", "salt.txt", "--replace", second!.id, "--reason", "无法联系", "--note", "经营场所已关闭", ...decided, "-o", "r2.json");
    expect(r.code, r.err).toBe(0);
    const replaced = json("r2.json");
    expect(replaced.replacements).toHaveLength(2);
    expect(replaced.replacements[0]).toMatchObject({ replaces: first!.id, reason: "已注销", stratum: first!.stratum, decision: { by: "分管负责人 李四", date: "2024-03-05" } });
    expect(replaced.replacements[1]).toMatchObject({ replaces: second!.id, reason: "无法联系", note: "经营场所已关闭", prev: json("r1.json").replacementsHead });
    const v = run("verify", "r2.json", "--pool", pool, "--salt-file", "salt.txt", "--earlier", "r1.json");
    expect(v.code, v.out).toBe(0);
    expect(v.out).toContain(`补抽 2 次（阈值 2），链头 ${replaced.replacementsHead}`);
    expect(v.out).toContain(`${first!.id} → ${replaced.replacements[0].id}（已注销，分管负责人 李四 2024-03-05 决定）`);
    const vj = run("verify", "r2.json", "--pool", pool, "--salt-file", "salt.txt", "--format", "json");
    expect(JSON.parse(vj.out).replacements).toEqual({ count: 2, threshold: 2, head: replaced.replacementsHead });
    // A replacement swapped afterwards is caught.
    const swapped = structuredClone(replaced);
    swapped.replacements[0].id = swapped.replacements[1].id;
    writeFileSync(join(dir, "r2-bad.json"), JSON.stringify(swapped));
    const bad = run("verify", "r2-bad.json", "--pool", pool, "--salt-file", "salt.txt");
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/\[replacement_\w+\]/);
    // Steering attempt: the last replacement dropped, head rolled back, against the copy published with two.
    const rolledBack = { ...replaced, replacements: replaced.replacements.slice(0, 1), replacementsHead: json("r1.json").replacementsHead };
    writeFileSync(join(dir, "r2-dropped.json"), JSON.stringify(rolledBack));
    expect(run("verify", "r2-dropped.json", "--pool", pool, "--salt-file", "salt.txt").code).toBe(0);
    const dropped = run("verify", "r2-dropped.json", "--pool", pool, "--salt-file", "salt.txt", "--earlier", "r2.json");
    expect([dropped.code, dropped.out]).toEqual([1, expect.stringContaining("[replacement_log_rewritten]")]);
  });

  it("replace: no reason, an unlisted reason, no decider or no date are each refused with a code, exit 2", () => {
    const record = json("r.json");
    const id = (record.selections as { id: string }[])[0]!.id;
    const decided = ["--decided-by", "科长", "--decided-at", "2024-03-05"];
    const cases: [string[], string, string][] = [
      [["--replace", id, ...decided], "cli_missing_argument", "--reason"],
      [["--replace", `${id}=经营场所已关闭`, ...decided], "cli_bad_option", "规定原因"],
      [["--replace", id, "--reason", "因为", ...decided], "cli_bad_option", "规定原因"],
      [["--replace", `${id}=已注销`, "--decided-at", "2024-03-05"], "cli_missing_argument", "--decided-by"],
      [["--replace", `${id}=已注销`, "--decided-by", "科长"], "cli_missing_argument", "--decided-at"],
      [["--replace", `${id}=已注销`, "--decided-by", "科长", "--decided-at", "2024-3-5"], "cli_bad_option", "YYYY-MM-DD"],
    ];
    for (const [args, code, text] of cases) {
      const r = run("replace", "r.json", pool, "--salt-file", "salt.txt", ...args);
      expect([r.code, r.err], args.join(" ")).toEqual([2, expect.stringContaining(`[${code}]`)]);
      expect(r.err).toContain(text);
    }
  });

  it("recent-inspection exclusion: announced, applied, counted, and re-applied by verify", () => {
    const entities = unwrap(parseEntityPoolCsv(readFileSync(pool, "utf8")));
    // Five entities inspected for item GA-07 within 180 days of 2024-03-01, one long before, one for another item.
    const withHistory = entities.map((e, k) => {
      if (k < 5) return { ...e, inspections: [{ date: "2024-01-15", itemId: "GA-07" }] };
      if (k === 5) return { ...e, inspections: [{ date: "2023-01-15", itemId: "GA-07" }] };
      if (k === 6) return { ...e, inspections: [{ date: "2024-02-01", itemId: "XF-01" }] };
      return e;
    });
    writeFileSync(join(dir, "pool-history.json"), JSON.stringify(withHistory));
    const inactive = entities.slice(0, 5).filter((e) => e.status !== "active").length;
    const a = run("announce", "pool-history.json", "--task-id", "R-2", "--salt", salt, "--sizes", "10", "--stratify", "none",
      "--recent-item", "GA-07", "--recent-days", "180", "--as-of", "2024-03-01", "--entropy-source", "dice:公开掷骰", "-o", "a2.json");
    expect(a.code, a.err).toBe(0);
    const ann = json("a2.json");
    expect(ann.exclusions.rules.recentInspection).toEqual({ itemId: "GA-07", asOf: "2024-03-01", withinDays: 180, withoutItem: true });
    expect(ann.exclusions.counts.recently_inspected).toBe(5 - inactive);
    expect(run("draw", "a2.json", "pool-history.json", "--salt", salt, "--entropy", "dice:16180339887498948482", "-o", "r2.json").code).toBe(0);
    const drawn = new Set((json("r2.json").selections as { id: string }[]).map((s) => s.id));
    for (const e of withHistory.slice(0, 5)) expect(drawn.has(e.id)).toBe(false);
    expect(run("verify", "r2.json", "--pool", "pool-history.json", "--salt", salt).code).toBe(0);
    // The same record against the pool without the history: the exclusion count no longer re-derives.
    const without = run("verify", "r2.json", "--pool", pool, "--salt", salt);
    expect(without.code).toBe(1);
    expect(without.out).toContain("[exclusion_count_mismatch]");
    const partial = run("announce", "pool-history.json", "--task-id", "R-2", "--salt", salt, "--sizes", "10", "--recent-item", "GA-07", "--entropy-source", "dice:x");
    expect(partial.code).toBe(2);
    expect(partial.err).toContain("[cli_missing_argument] 缺少参数：--recent-days");
  });

  it("commit–reveal: commit → announce commit:<c1>/<c2>/ → draw reveal:<s1>/<s2>/ → verify; a wrong secret is named", () => {
    writeFileSync(join(dir, "s1.txt"), "甲方秘密-8c1f0a7e93b2\n");
    writeFileSync(join(dir, "s2.txt"), "乙方秘密-4d9e2b6a0c55\n");
    const c1 = run("commit", "--secret-file", "s1.txt");
    const c2 = run("commit", "--secret-file", "s2.txt");
    expect(c1.code, c1.err).toBe(0);
    expect(c1.out.trim()).toMatch(/^[0-9a-f]{64}$/);
    const a = run("announce", pool, "--task-id", "R-3", "--salt", salt, "--sizes", "5", "--stratify", "none", "--entropy-source", `commit:${c1.out.trim()}/${c2.out.trim()}/:两部门各自承诺`, "-o", "a3.json");
    expect(a.code, a.err).toBe(0);
    expect(json("a3.json").entropySource).toMatchObject({ kind: "commitReveal", commitments: [c1.out.trim(), c2.out.trim()] });
    const d = run("draw", "a3.json", pool, "--salt", salt, "--entropy", "reveal:甲方秘密-8c1f0a7e93b2/乙方秘密-4d9e2b6a0c55/", "-o", "r3.json");
    expect(d.code, d.err).toBe(0);
    expect(json("r3.json").entropy).toEqual({ kind: "commitReveal", value: "reveal:甲方秘密-8c1f0a7e93b2/乙方秘密-4d9e2b6a0c55/" });
    expect(run("verify", "r3.json", "--pool", pool, "--salt", salt).code).toBe(0);
    const wrong = run("draw", "a3.json", pool, "--salt", salt, "--entropy", "reveal:甲方秘密-8c1f0a7e93b2/乙方秘密-XXXXXXXXXXXX/");
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain("[commitment_mismatch] 第2个揭示值");
    const count = run("draw", "a3.json", pool, "--salt", salt, "--entropy", "reveal:只有一个秘密值-000000");
    expect(count.code).toBe(2);
    expect(count.err).toContain("公告含 2 个承诺");
  });

  it("lottery: the canonical value the record prints is accepted back; other forms give the accepted form", () => {
    expect(run("announce", pool, "--task-id", "R-4", "--salt", salt, "--sizes", "4", "--stratify", "none", "--entropy-source", "lottery:2024-03-05 双色球第2024025期", "-o", "a4.json").code).toBe(0);
    const d = run("draw", "a4.json", pool, "--salt", salt, "--entropy", "lottery:26,9,18,3,30,12/7", "-o", "r4.json");
    expect(d.code, d.err).toBe(0);
    const value = json("r4.json").entropy.value as string;
    expect(value).toBe("lottery:3.9.12.18.26.30./7./");
    const again = run("draw", "a4.json", pool, "--salt", salt, "--entropy", value, "-o", "r4b.json");
    expect(again.code, again.err).toBe(0);
    expect(json("r4b.json")).toEqual(json("r4.json"));
    expect(run("verify", "r4b.json", "--pool", pool, "--salt", salt).code).toBe(0);
    const bad = run("draw", "a4.json", pool, "--salt", salt, "--entropy", "lottery:三,九");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("lottery:9.18.26./2.12./");
  });

  it("beacon: the announcement must name a round; the draw may omit it (taken from the announcement)", () => {
    const noRound = run("announce", pool, "--task-id", "R-5", "--salt", salt, "--sizes", "4", "--entropy-source", "beacon:drand 主网");
    expect(noRound.code).toBe(2);
    expect(noRound.err).toContain("随机信标须写明将使用的轮次");
    expect(noRound.err).not.toMatch(/expected number/);
    expect(run("announce", pool, "--task-id", "R-5", "--salt", salt, "--sizes", "4", "--stratify", "none", "--entropy-source", "beacon:4521337:drand 主网", "-o", "a5.json").code).toBe(0);
    const hex = "9f2c".repeat(16);
    const d = run("draw", "a5.json", pool, "--salt", salt, "--entropy", `beacon:${hex}`, "-o", "r5.json");
    expect(d.code, d.err).toBe(0);
    expect(json("r5.json").entropy.value).toBe(`beacon:4521337:${hex}`);
    expect(run("verify", "r5.json", "--pool", pool, "--salt", salt).code).toBe(0);
    const other = run("draw", "a5.json", pool, "--salt", salt, "--entropy", `beacon:4521338:${hex}`);
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/\[entropy_\w+\]/);
  });

  it("--stratify: tier is the default (one stratum per tier), none gives one stratum; another value is refused", () => {
    const tier = JSON.parse(run("manifest", pool, "--salt", salt, "--format", "json").out);
    expect(tier.strata.map((s: { label: string }) => s.label).sort()).toEqual(["A", "B", "C", "D"]);
    const none = JSON.parse(run("manifest", pool, "--salt", salt, "--stratify", "none", "--format", "json").out);
    expect(none.strata.map((s: { key: string }) => s.key)).toEqual(["all"]);
    const bad = run("manifest", pool, "--salt", salt, "--stratify", "industry");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("应为 none（不分层）、tier（按信用风险分类，默认）、region（按县级行政区划代码");
  });
});
