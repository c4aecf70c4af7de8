// `double-random quota`: loads only the quota parser (and the sizing, with --pool): no pool readers, no draw.
import { createIssue } from "../../createIssue.js";
import { parseQuota } from "../../quota/parseQuota.js";
import { contextOf, parse } from "../args.js";
import { BOUND, label, PER } from "../labels.js";
import { EXIT, failWith, printIssues, writeJson } from "../output.js";

export const HELP = `double-random quota "<抽查比例原文>" [--pool N] [--format json] [--lang en]
  解析抽查比例及频次，并按名录库户数算出抽取数量。 / Parse a quota cell and size it for a pool.
  退出码 exit: 0 成功 ok；1 比例无法解析或无法计算 wording not understood；2 用法错误 usage.`;

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, { pool: { type: "string" } });
  if (!p.ok) return failWith(contextOf(argv), p.issues, EXIT.usage);
  const ctx = p.value;
  const { values, positionals, lang, json } = ctx;
  const text = positionals.join(" ");
  if (text.trim() === "") return failWith(ctx, [createIssue("cli_missing_argument", { argument: "<抽查比例原文 quota text>" })], EXIT.usage);
  let pool: number | undefined;
  if (values.pool !== undefined) {
    pool = Number(values.pool);
    if (!/^\d+$/.test(String(values.pool)) || !Number.isSafeInteger(pool)) {
      return failWith(ctx, [createIssue("cli_bad_option", { option: "--pool", value: String(values.pool), detail: { zh: "应为非负整数", en: "a non-negative integer" } })], EXIT.usage);
    }
  }
  const q = parseQuota(text);
  if (!q.ok) return failWith(ctx, q.issues, EXIT.negative);
  let size;
  if (pool !== undefined) {
    // parseQuota's value is valid by construction: sized without sampleSize's schema check, so zod (half the
    // start-up time) is never loaded by this command.
    const { sizeOfQuota } = await import("../../quota/_sizeOfQuota.js");
    size = sizeOfQuota(q.value, pool);
    if (!size.ok) return failWith(ctx, size.issues, EXIT.negative);
  }
  const warnings = [...q.warnings, ...(size?.ok ? size.warnings : [])];
  if (json) {
    writeJson({ ok: true, quota: q.value, size: size?.ok ? size.value : undefined, warnings });
    return EXIT.ok;
  }
  const quota = q.value;
  const zh = lang === "zh";
  const out: string[] = [`${zh ? "原文" : "text"}: ${JSON.stringify(quota.text)}`];
  const paren = (s: string) => (zh ? `（${s}）` : ` (${s})`);
  if (quota.ratio) out.push(`${zh ? "比例" : "ratio"}: ${quota.ratio.numerator}/${quota.ratio.denominator}${paren(label(BOUND, quota.ratio.bound, lang))}`);
  if (quota.count) out.push(`${zh ? "户数" : "count"}: ${quota.count.value}${paren(label(BOUND, quota.count.bound, lang))}`);
  if (quota.frequency) out.push(zh ? `频次: ${label(PER, quota.frequency.per, lang)} ${quota.frequency.times} 次` : `frequency: ${quota.frequency.times} ${label(PER, quota.frequency.per, lang)}`);
  if (quota.segments) for (const s of quota.segments) out.push(`  ${s.scope}: ${s.quota.text}`);
  if (quota.cumulative) out.push(zh ? "累计比例（全年各批次之和）" : "cumulative over the year's batches");
  if (size?.ok) out.push(`${zh ? "抽取数量" : "size"}: ${size.value.size} — ${size.value.explanation[lang]}`);
  process.stdout.write(`${out.join("\n")}\n`);
  printIssues(warnings, lang);
  return EXIT.ok;
}

