import { createIssue, type DrawRecord, type Issue, type MatchedRecord, type MatchableRecord, verifyDraw, verifyMatch } from "../../index.js";
import { parse } from "../args.js";
import { loadEntities, loadInspectors, printIssues, readJson, writeJson } from "../io.js";
import { drawnEarlierOf, saltOf } from "./draw-common.js";

export const HELP = `double-random verify <record.json> --pool <pool.csv|pool.xlsx|pool.json> --salt S [--drawn-earlier ids.txt]
        [--inspectors 执法人员.csv [--experts 专家.csv]] [--format json]
  复核已公布的抽取记录：一致时退出码 0，不一致时退出码 1 并逐项列出。记录含检查组时，给出 --inspectors 一并复核选派。
  Re-check a published draw: exit 0 when it checks out, 1 with a precise report otherwise. When the record carries
  inspector teams, --inspectors re-checks the matching too.`;

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, {
    pool: { type: "string" }, salt: { type: "string" }, "salt-file": { type: "string" }, "drawn-earlier": { type: "string" },
    inspectors: { type: "string" }, experts: { type: "string" },
  });
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
  const drawn = verifyDraw(record.value as DrawRecord, pool.value, drawnEarlier ? { salt, drawnEarlier } : { salt });
  // The second random: teams in the record are re-checked when the inspector pool is given, and never silently passed over.
  const teams = (record.value as { match?: { teams?: unknown[] } }).match?.teams;
  let matchNote = "";
  const matchIssues: Issue[] = [];
  if (teams && typeof values.inspectors === "string") {
    const inspectors = await loadInspectors(values.inspectors);
    const experts = typeof values.experts === "string" ? await loadInspectors(values.experts) : undefined;
    if (!inspectors.ok) matchIssues.push(...inspectors.issues);
    else if (experts && !experts.ok) matchIssues.push(...experts.issues);
    else {
      const m = verifyMatch({
        record: record.value as MatchedRecord<MatchableRecord>, inspectors: inspectors.value, entities: pool.value,
        ...(experts?.ok ? { experts: experts.value } : {}),
      });
      if (m.ok) matchNote = lang === "zh" ? `  检查组复核通过：${teams.length} 组\n` : `  Teams verified: ${teams.length}\n`;
      else matchIssues.push(...m.issues);
    }
  } else if (teams) {
    matchNote = lang === "zh" ? `  记录含 ${teams.length} 个检查组；未提供 --inspectors，检查组未复核\n` : `  The record has ${teams.length} teams; without --inspectors they were not re-checked\n`;
  }
  const failures = [...(drawn.ok ? [] : drawn.issues), ...matchIssues];
  const zh = lang === "zh";
  if (json) writeJson(failures.length === 0 ? { ok: true, warnings: drawn.ok ? drawn.warnings : [], teamsChecked: teams !== undefined && typeof values.inspectors === "string" } : { ok: false, issues: failures });
  if (failures.length === 0 && drawn.ok) {
    const rec = drawn.value;
    if (!json) {
      process.stdout.write(`${zh ? "✓ 复核通过" : "✓ Verified"}: ${rec.taskId} · ${rec.protocol} · ${zh ? "抽中" : "selected"} ${rec.selections.length}${zh ? " 户" : ""}${rec.replacements.length ? ` · ${zh ? "补抽" : "replacements"} ${rec.replacements.length}` : ""}\n`);
      for (const s of rec.strata) process.stdout.write(`  ${s.key}  N=${s.N}  n=${s.n}\n`);
      process.stdout.write(matchNote);
    }
    printIssues(drawn.warnings, lang);
    return 0;
  }
  if (!json) process.stdout.write(`${zh ? "✗ 复核未通过" : "✗ Verification failed"}: ${failures.length} ${zh ? "处不一致" : "mismatch(es)"}\n`);
  printIssues(failures, lang);
  return 1;
}
