import { createIssue, parseQuota, sampleSize } from "../../index.js";
import { parse } from "../args.js";
import { printIssues, writeJson } from "../io.js";

export const HELP = `double-random quota "<抽查比例原文>" [--pool N] [--format json] [--lang en]
  解析抽查比例及频次，并按名录库户数算出抽取数量。 / Parse a quota cell and size it for a pool.`;

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, { pool: { type: "string" } });
  if (!p.ok) return printIssues(p.issues, "zh"), 2;
  const { values, positionals, lang, json } = p.value;
  const text = positionals.join(" ");
  const q = parseQuota(text);
  if (!q.ok) {
    if (json) writeJson({ ok: false, issues: q.issues });
    printIssues(q.issues, lang);
    return 1;
  }
  let size;
  if (values.pool !== undefined) {
    const n = Number(values.pool);
    if (!Number.isSafeInteger(n) || n < 0) {
      printIssues([createIssue("cli_bad_option", { option: "--pool", value: String(values.pool), detail: lang === "zh" ? "应为非负整数" : "a non-negative integer" })], lang);
      return 2;
    }
    size = sampleSize(q.value, n);
    if (!size.ok) {
      printIssues(size.issues, lang);
      return 1;
    }
  }
  if (json) {
    writeJson({ quota: q.value, size: size?.ok ? size.value : undefined, warnings: [...q.warnings, ...(size?.ok ? size.warnings : [])] });
  } else {
    const quota = q.value;
    const zh = lang === "zh";
    const out: string[] = [`${zh ? "原文" : "text"}: ${JSON.stringify(quota.text)}`];
    if (quota.ratio) out.push(`${zh ? "比例" : "ratio"}: ${quota.ratio.numerator}/${quota.ratio.denominator} (${quota.ratio.bound})`);
    if (quota.count) out.push(`${zh ? "户数" : "count"}: ${quota.count.value} (${quota.count.bound})`);
    if (quota.frequency) out.push(`${zh ? "频次" : "frequency"}: ${quota.frequency.times} / ${quota.frequency.per}`);
    if (quota.segments) for (const s of quota.segments) out.push(`  ${s.scope}: ${s.quota.text}`);
    if (quota.cumulative) out.push(zh ? "累计比例（全年各批次之和）" : "cumulative over the year's batches");
    if (size?.ok) out.push(`${zh ? "抽取数量" : "size"}: ${size.value.size} — ${size.value.explanation[lang]}`);
    process.stdout.write(`${out.join("\n")}\n`);
  }
  printIssues([...q.warnings, ...(size?.ok ? size.warnings : [])], lang);
  return 0;
}
