import { extname } from "node:path";
import {
  createIssue, type DrawRecord, type Entity, fail, type Issue, type Manifest, type MatchedRecord, type MatchableRecord, ok, parseEntityPool,
  type Result, verifyDraw, verifyDrawManifest, verifyMatch,
} from "../../index.js";
import { parse } from "../args.js";
import { type Lang, loadEntities, loadInspectors, printIssues, readJson, writeJson } from "../io.js";
import { drawnEarlierOf, saltOf } from "./draw-common.js";
import { checkPublishedResults, VERIFY_RESULTS_OPTIONS } from "./publish.js";

export const HELP = `double-random verify <record.json> --pool <pool.csv|pool.xlsx|pool.json|manifest.json> --salt S [--drawn-earlier ids.txt]
        [--inspectors 执法人员.csv [--experts 专家.csv]] [--format json]
        [--results 公示清单.csv|公示包.json [--list-digest H]]   (公示结果复核 / published results, publish-v1 §6)
  复核已公布的抽取记录：一致时退出码 0，不一致时退出码 1 并逐项列出。--pool 可以是名录库（CSV、XLSX 或 JSON 数组），
  也可以是 manifest -o 写出的名录清单（JSON 对象，名录库留在数据库中时使用；此时排除数无法复核）。
  记录含检查组时，给出 --inspectors（并以名录库复核）一并复核选派。
  Re-check a published draw: exit 0 when it checks out, 1 with a precise report otherwise. --pool is the entity pool
  (CSV, XLSX or a JSON array) or the manifest written by manifest -o (a JSON object, for pools kept in a database;
  exclusion counts cannot be re-checked from it). When the record carries inspector teams, --inspectors (with a
  pool) re-checks the matching too.`;

/** What --pool held: the entity pool, or the department's manifest. */
type PoolSource = { readonly kind: "pool"; readonly pool: Entity[] } | { readonly kind: "manifest"; readonly manifest: Manifest };

/** Reads --pool: a JSON object with `strata` is a manifest; a JSON array, a CSV or an XLSX is a pool. Unambiguous. */
async function loadPoolOrManifest(file: string): Promise<Result<PoolSource>> {
  if (extname(file).toLowerCase() !== ".json") {
    const pool = await loadEntities(file);
    return pool.ok ? ok({ kind: "pool", pool: pool.value }, pool.warnings) : pool;
  }
  const json = readJson(file);
  if (!json.ok) return json;
  const value = json.value;
  if (typeof value === "object" && value !== null && !Array.isArray(value) && "strata" in value) return ok({ kind: "manifest", manifest: value as Manifest });
  if (!Array.isArray(value)) {
    return fail([createIssue("cli_bad_option", { option: "--pool", value: file, detail: "a JSON array of entities, or a manifest (a JSON object with strata)" })]);
  }
  const pool = parseEntityPool(value);
  return pool.ok ? ok({ kind: "pool", pool: pool.value }, pool.warnings) : pool;
}

/** The inspector teams of the record re-checked (the second random), or a coded reason why they were not. */
async function checkTeams(record: unknown, source: PoolSource, values: Record<string, string | boolean | undefined>, lang: Lang): Promise<{ note: string; issues: Issue[]; checked: boolean }> {
  const teams = (record as { match?: { teams?: unknown } } | null)?.match?.teams;
  if (!Array.isArray(teams)) return { note: "", issues: [], checked: false };
  const notChecked = (reason: { zh: string; en: string }) => {
    const i = createIssue("teams_not_checked", { count: teams.length, reason });
    return { note: `  [${i.code}] ${i.message[lang]}\n`, issues: [i], checked: false };
  };
  if (typeof values.inspectors !== "string") return notChecked({ zh: "未提供 --inspectors（执法检查人员名录库）", en: "no --inspectors (inspector pool) was given" });
  if (source.kind === "manifest") {
    return notChecked({
      zh: "按名录清单复核时无法复核选派：回避规则（检查对象所在地区、上次检查人员）需要名录库中的对象信息，名录清单中没有",
      en: "checked against a manifest: recusal (the entity's region, its last inspectors) needs the pool's entity rows, which a manifest does not hold",
    });
  }
  const inspectors = await loadInspectors(values.inspectors);
  const experts = typeof values.experts === "string" ? await loadInspectors(values.experts) : undefined;
  if (!inspectors.ok) return { note: "", issues: [...inspectors.issues], checked: true };
  if (experts && !experts.ok) return { note: "", issues: [...experts.issues], checked: true };
  const m = verifyMatch({
    record: record as MatchedRecord<MatchableRecord>, inspectors: inspectors.value, entities: source.pool,
    ...(experts?.ok ? { experts: experts.value } : {}),
  });
  if (!m.ok) return { note: "", issues: [...m.issues], checked: true };
  // Its warnings (e.g. match_not_committed: the pools were not announced before the draw) are printed too.
  return { note: lang === "zh" ? `  检查组复核通过：${teams.length} 组\n` : `  Teams verified: ${teams.length}\n`, issues: [...m.warnings], checked: true };
}

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, {
    pool: { type: "string" }, salt: { type: "string" }, "salt-file": { type: "string" }, "drawn-earlier": { type: "string" },
    inspectors: { type: "string" }, experts: { type: "string" },
    ...VERIFY_RESULTS_OPTIONS, // publish helper: --results 公示清单.csv|公示包.json, --list-digest
  });
  if (!p.ok) return printIssues(p.issues, "zh"), 2;
  const { values, positionals, lang, json } = p.value;
  const zh = lang === "zh";
  const issues: Issue[] = [];
  const salt = saltOf(values, issues);
  if (!positionals[0]) issues.push(createIssue("cli_missing_argument", { argument: "<record.json>" }));
  if (typeof values.pool !== "string") issues.push(createIssue("cli_missing_argument", { argument: "--pool" }));
  if (issues.some((i) => i.severity === "error")) return printIssues(issues, lang), 2;
  const record = readJson(positionals[0] as string);
  if (!record.ok) return printIssues(record.issues, lang), 1;
  const source = await loadPoolOrManifest(values.pool as string);
  if (!source.ok) return printIssues(source.issues, lang), 1;
  const drawnEarlier = drawnEarlierOf(values, issues);
  if (issues.some((i) => i.severity === "error")) return printIssues(issues, lang), 1;
  const options = drawnEarlier ? { salt, drawnEarlier } : { salt };
  const src = source.value;
  const drawn = src.kind === "manifest"
    ? verifyDrawManifest(record.value as DrawRecord, src.manifest, options)
    : verifyDraw(record.value as DrawRecord, src.pool, options);
  const against = src.kind === "manifest"
    ? (zh ? "按名录清单复核（排除数未复核）" : "checked against a manifest (exclusion counts not re-checked)")
    : (zh ? "按名录库复核" : "checked against the pool");
  // The second random: teams in the record are re-checked when they can be, and never silently passed over.
  const teams = await checkTeams(record.value, src, values, lang);
  // 一公开 (publish helper): the published list is the drawn set after replacements; appended to the teams' note and issues.
  const published = await checkPublishedResults(record.value, values, lang);
  teams.note += published.note;
  teams.issues.push(...published.issues);
  const teamInfo = teams.issues.filter((i) => i.severity !== "error");
  const failures = [...(drawn.ok ? [] : drawn.issues), ...teams.issues.filter((i) => i.severity === "error")];
  const errors = failures.filter((i) => i.severity === "error").length;
  const warnings = [...source.warnings, ...(drawn.ok ? drawn.warnings : []), ...teamInfo];
  if (json) {
    writeJson(errors === 0
      ? { ok: true, checkedAgainst: src.kind, warnings, teamsChecked: teams.checked }
      : { ok: false, checkedAgainst: src.kind, issues: [...failures, ...teamInfo] });
  }
  if (errors === 0 && drawn.ok) {
    const rec = drawn.value;
    if (!json) {
      process.stdout.write(`${zh ? "✓ 复核通过" : "✓ Verified"}: ${rec.taskId} · ${rec.protocol} · ${zh ? "抽中" : "selected"} ${rec.selections.length}${zh ? " 户" : ""}${rec.replacements.length ? ` · ${zh ? "补抽" : "replacements"} ${rec.replacements.length}` : ""}\n`);
      process.stdout.write(`  ${against}\n`);
      for (const s of rec.strata) process.stdout.write(`  ${s.key}  N=${s.N}  n=${s.n}\n`);
      process.stdout.write(teams.note);
    }
    // (teams_not_checked is in the summary above, with its code.)
    printIssues(warnings.filter((i) => i.code !== "teams_not_checked"), lang);
    return 0;
  }
  if (!json) {
    process.stdout.write(`${zh ? "✗ 复核未通过" : "✗ Verification failed"}: ${errors} ${zh ? "处不一致" : "mismatch(es)"}\n`);
    process.stdout.write(`  ${against}\n`);
    process.stdout.write(teams.note);
  }
  printIssues(failures, lang);
  return 1;
}
