// `double-random publish` and `verify --results`, run as a user runs them (tsx over src/cli/main.ts), on real files.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pool, SALT, scenario } from "./_fixtures.js";

const root = new URL("../../", import.meta.url).pathname;
const tsx = join(root, "node_modules/.bin/tsx");
const dir = mkdtempSync(join(tmpdir(), "publish-cli-"));
function cli(...args: string[]): { code: number; out: string; err: string } {
  try {
    const out = execFileSync(tsx, [join(root, "src/cli/main.ts"), ...args], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { code: 0, out, err: "" };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: x.stdout, err: x.stderr };
  }
}

const s = scenario();
writeFileSync(join(dir, "record.json"), JSON.stringify(s.record, null, 2));
writeFileSync(join(dir, "pool.csv"), `统一社会信用代码,名称,信用风险分类\n${pool.map((e) => `${e.id},对象${e.id},${e.tier}`).join("\n")}\n`);
writeFileSync(join(dir, "salt.txt"), SALT);
const header = "任务编号,统一社会信用代码,企业名称,检查日期,检查人员,检查方式,抽查事项,问题事项,检查结果,责令改正期限,录入日期";
const lines = s.results.map((r) => [r.taskId, r.entityId, r.entityName, r.inspectionDates.join("、"), (r.teamIds ?? []).join("、"), "现场检查", "I1",
  r.category === "corrected" ? "I1" : "", r.category === "corrected" ? "发现问题已责令改正" : r.category === "deregistered" ? "已注销" : "未发现问题",
  r.category === "corrected" ? "2023-06-30" : "", r.enteredOn ?? ""].join(","));
writeFileSync(join(dir, "结果.csv"), `\uFEFF${header}\n${lines.join("\n")}\n`);
const common = ["--department", "某市市场监管局", "--published-on", "2023-07-05", "--window", "2023-05-01..2023-06-30"];

describe("double-random publish / verify --results", () => {
  it("publishes a package (JSON, CSV, XLSX) and verify accepts it, as a package and as the list CSV", () => {
    const r = cli("publish", "record.json", "--results", "结果.csv", ...common, "-o", "公示");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("问题发现率 16.67%");
    const pkg = JSON.parse(readFileSync(join(dir, "公示", "公示包.json"), "utf8")) as { listDigest: string; list: unknown[] };
    expect(pkg.list).toHaveLength(6);
    expect(readFileSync(join(dir, "公示", "公示.xlsx")).subarray(0, 2).toString()).toBe("PK");
    const v1 = cli("verify", "record.json", "--pool", "pool.csv", "--salt-file", "salt.txt", "--results", "公示/公示包.json");
    expect(v1.code, v1.err).toBe(0);
    expect(v1.out).toContain("公示结果复核通过：6 条");
    const v2 = cli("verify", "record.json", "--pool", "pool.csv", "--salt-file", "salt.txt", "--results", "公示/公示清单.csv", "--list-digest", pkg.listDigest, "--lang", "en");
    expect(v2.code, v2.err).toBe(0);
    expect(v2.out).toContain("digest holds");
  });

  it("verify catches a forged list; publish refuses results that do not reconcile (exit 1, coded)", () => {
    cli("publish", "record.json", "--results", "结果.csv", ...common, "-o", "公示");
    const csv = readFileSync(join(dir, "公示", "公示清单.csv"), "utf8");
    const first = s.record.match.teams.map((t) => t.targetId).sort()[0]!;
    writeFileSync(join(dir, "forged.csv"), csv.replace(`,${first},`, ",E999,"));
    const v = cli("verify", "record.json", "--pool", "pool.csv", "--salt-file", "salt.txt", "--results", "forged.csv");
    expect(v.code).toBe(1);
    expect(v.out).toContain("[publish_entity_extra]");
    expect(v.out).toContain("[publish_entity_missing]");
    writeFileSync(join(dir, "漏检.csv"), readFileSync(join(dir, "结果.csv"), "utf8").split("\n").filter((l) => !l.includes(first)).join("\n"));
    const p = cli("publish", "record.json", "--results", "漏检.csv", ...common);
    expect(p.code).toBe(1);
    expect(p.out).toContain(`[result_missing] 抽中的检查对象“${first}”没有检查结果`);
    expect(cli("publish", "record.json").code).toBe(2);
    const j = cli("publish", "record.json", "--results", "漏检.csv", ...common, "--format", "json");
    expect(j.code).toBe(1);
    expect((JSON.parse(j.out) as { issues: { code: string }[] }).issues.map((i) => i.code)).toContain("result_missing");
    // A results file that cannot be read: could not check (exit 2), nothing compared.
    expect(cli("verify", "record.json", "--pool", "pool.csv", "--salt-file", "salt.txt", "--results", "missing.csv").code).toBe(2);
  });
});
