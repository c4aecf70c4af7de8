import { createIssue, type DrawRecord, type Issue, verifyDraw } from "../../index.js";
import { parse } from "../args.js";
import { loadEntities, printIssues, readJson, writeJson } from "../io.js";
import { drawnEarlierOf, saltOf } from "./draw-common.js";

export const HELP = `double-random verify <record.json> --pool <pool.csv|pool.xlsx|pool.json> --salt S [--drawn-earlier ids.txt] [--format json]
  复核已公布的抽取记录：一致时退出码 0，不一致时退出码 1 并逐项列出。
  Re-check a published draw: exit 0 when it checks out, 1 with a precise report otherwise.`;

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, { pool: { type: "string" }, salt: { type: "string" }, "salt-file": { type: "string" }, "drawn-earlier": { type: "string" } });
  if (!p.ok) return printIssues(p.issues, "zh"), 2;
  const { values, positionals, lang, json } = p.value;
  const issues: Issue[] = [];
  const salt = saltOf(values, issues);
  if (!positionals[0]) issues.push(createIssue("cli_missing_argument", { argument: "<record.json>" }));
  if (typeof values.pool !== "string") issues.push(createIssue("cli_missing_argument", { argument: "--pool" }));
  if (issues.some((i) => i.severity === "error")) return printIssues(issues, lang), 2;
  const record = readJson(positionals[0] as string);
  if (!record.ok) return printIssues(record.issues, lang), 1;
  const pool = await loadEntities(values.pool as string);
  if (!pool.ok) return printIssues(pool.issues, lang), 1;
  const drawnEarlier = drawnEarlierOf(values, issues);
  if (issues.some((i) => i.severity === "error")) return printIssues(issues, lang), 1;
  const r = verifyDraw(record.value as DrawRecord, pool.value, drawnEarlier ? { salt, drawnEarlier } : { salt });
  const zh = lang === "zh";
  if (json) writeJson(r.ok ? { ok: true, warnings: r.warnings } : { ok: false, issues: r.issues });
  if (r.ok) {
    const rec = r.value;
    if (!json) {
      process.stdout.write(`${zh ? "✓ 复核通过" : "✓ Verified"}: ${rec.taskId} · ${rec.protocol} · ${zh ? "抽中" : "selected"} ${rec.selections.length}${zh ? " 户" : ""}${rec.replacements.length ? ` · ${zh ? "补抽" : "replacements"} ${rec.replacements.length}` : ""}\n`);
      for (const s of rec.strata) process.stdout.write(`  ${s.key}  N=${s.N}  n=${s.n}\n`);
    }
    printIssues(r.warnings, lang);
    return 0;
  }
  if (!json) process.stdout.write(`${zh ? "✗ 复核未通过" : "✗ Verification failed"}: ${r.issues.length} ${zh ? "处不一致" : "mismatch(es)"}\n`);
  printIssues(r.issues, lang);
  return 1;
}
