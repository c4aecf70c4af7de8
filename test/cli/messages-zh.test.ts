// No English inside Chinese: the zh message of every issue code, rendered with sample params, has no Latin word
// other than codes, ids, units and the few input words it quotes (true/false, YYYY-MM-DD…); schema failures name
// the user's column (类型) and the accepted values in words (企业、个体工商户…); the CLI's zh output of a failed
// verify has no English tokens.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createIssue, entityKindLabels, entityStatusLabels, type IssueCode, messages, parseEntity, parseEntityPoolCsv } from "../../src/index.js";
import { valueLabels } from "../../src/_internal/words.js";

// Latin allowed in zh text: formats and units (CSV, JSON, UTF-8, YYYY-MM-DD), input words the message quotes as
// accepted (true/false), an environment variable, and API names addressed to developers (segment, options.base,
// entities, legalException, note, prev, logHead: field names of inputs and records) and command names (lint).
const ALLOWED = new Set([
  "CSV", "JSON", "UTF-8", "YYYY-MM-DD", "true", "false", "DOUBLE_RANDOM_DEBUG", "record.json",
  "segment", "options.base", "entities", "legalException", "note", "prev", "logHead", "lint",
  // Products, file formats and spec names users meet by these names; option and record fields addressed to developers.
  "Office", "WPS", "Excel", "Word", "Windows", "HTML", "XML", "GBK", "GB18030", "PostgreSQL", "MySQL", "COLLATE", "MB",
  "xls", "doc", "et", "wps", "xlsx", "docx", "match-v1", "decision", "by", "date", "replacementsHead", "sheet",
]);

/** Latin words (2+ letters) of a zh text that are not allowed, after removing codes in [brackets] and hex digests. */
function latinWords(text: string): string[] {
  const stripped = text.replace(/\[[a-z_]+\]/g, "").replace(/\b[0-9A-Z]{18}\b/g, "").replace(/\b[0-9a-f]{16,}\b/g, "").replace(/\bS[0-9a-f]{12}\b/g, "");
  return (stripped.match(/[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]/g) ?? []).filter((w) => !ALLOWED.has(w));
}

/** A sample value for a placeholder, by its name: numbers where the message counts, Chinese text elsewhere. */
function sample(name: string): string | number {
  if (/^(row|position|count|first|second|total|minimum|maximum|length|digits|year|planYear|targets|index|left|wanted|windows|column|N|n|expected|found|inactive|tier_exempt|drawn_earlier|recently_inspected|times|value)$/.test(name)) return 3;
  return "甲乙";
}

describe("zh messages", () => {
  const codes = Object.keys(messages) as IssueCode[];

  it("every code renders in zh without English words (sample params for every placeholder)", () => {
    const offenders: string[] = [];
    for (const code of codes) {
      const names = [...new Set([...messages[code].zh.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))];
      const issue = createIssue(code, Object.fromEntries(names.map((n) => [n, sample(n)])));
      expect(issue.message.zh, code).not.toMatch(/\{\w+\}/);
      const latin = latinWords(issue.message.zh);
      if (latin.length > 0) offenders.push(`${code}: ${latin.join(", ")} — ${issue.message.zh}`);
    }
    expect(offenders).toEqual([]);
    expect(codes.length).toBeGreaterThan(100);
  });

  it("a schema failure names the column in words and lists the accepted values in words", () => {
    const r = parseEntityPoolCsv("统一社会信用代码,名称,类型,信用风险分类,登记状态\n91410800MA44XXXX0X,甲,公司企业,E,存续\n");
    expect(r.ok).toBe(false);
    const zh = r.ok ? [] : r.issues.map((i) => i.message.zh);
    expect(zh).toContain("类型：取值不在允许范围内（允许：企业、个体工商户、农民专业合作社、产品、项目、行为、其他），实际为“公司企业”");
    expect(zh.some((m) => m.startsWith("信用风险分类："))).toBe(true);
    for (const m of zh) expect(latinWords(m.replace(/“[^”]*”/g, ""))).toEqual([]);
    // English stays English, with the codes.
    expect(r.ok ? "" : r.issues[0]!.message.en).toContain("kind: value not allowed (allowed: enterprise | individual");
  });

  it("a wrong type says what was received, with its type; an empty name says it must not be empty", () => {
    const e = parseEntity({ id: "E1", name: 5 });
    expect(e.ok ? "" : e.issues[0]!.message.zh).toBe("名称：类型不正确，应为文本，实际为数字 5");
    const s = parseEntity({ id: 5, name: "甲" });
    expect(s.ok ? "" : s.issues[0]!.message.en).toBe("id: wrong type, expected string, received the number 5");
    const empty = parseEntity({ id: "E1", name: "" });
    expect(empty.ok ? "" : empty.issues[0]!.message.zh).toBe("名称：取值不能为空");
  });

  it("the value words agree with the model's own labels", () => {
    for (const [code, label] of Object.entries({ ...entityKindLabels, ...entityStatusLabels })) expect(valueLabels[code]?.zh, code).toBe(label.zh);
  });

  it("the CLI's zh verify report of a tampered record and of a wrong salt (--details) has no English tokens", () => {
    const root = new URL("../../", import.meta.url).pathname;
    const cli = join(root, "dist/cli.js");
    if (!existsSync(cli)) throw new Error("dist/cli.js is missing: run `npm run build`");
    const pool = join(root, "examples/data/jiaozuo-entertainment-pool.csv");
    const dir = mkdtempSync(join(tmpdir(), "dr-zh-"));
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: dir });
    const salt = "焦作公安2023盐值-zh-scan";
    expect(run("announce", pool, "--task-id", "Z-1", "--salt", salt, "--sizes", "A=1,B=1,C=1,D=1", "--entropy-source", "dice:公开掷骰", "-o", "a.json").status).toBe(0);
    expect(run("draw", "a.json", pool, "--salt", salt, "--entropy", "dice:27182818284590452353", "-o", "r.json").status).toBe(0);
    const wrong = run("verify", "r.json", "--pool", pool, "--salt", "另一个盐值-000000000000", "--details");
    expect(wrong.status).toBe(1);
    const lines = wrong.stdout.split("\n").filter((l) => l.includes("["));
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(latinWords(line), line).toEqual([]);
    expect(wrong.stdout).not.toContain("应为?");
    const record = JSON.parse(readFileSync(join(dir, "r.json"), "utf8"));
    record.selections[0].counter += 7;
    writeFileSync(join(dir, "bad.json"), JSON.stringify(record));
    const bad = run("verify", "bad.json", "--pool", pool, "--salt", salt);
    expect(bad.status).toBe(1);
    for (const line of bad.stdout.split("\n").filter((l) => l.includes("["))) expect(latinWords(line), line).toEqual([]);
    expect(bad.stdout).toContain("（计数 i）");
  });
});
