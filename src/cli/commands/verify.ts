import { extname } from "node:path";
import {
  buildManifest, createIssue, type DrawRecord, type Entity, fail, type Issue, lateRecusalLimit, type Manifest, type MatchedRecord, type MatchableRecord, ok, parseEntityPool,
  type PublishedCopy, replacementLimit, type Result, verifyDraw, verifyDrawFromSource, verifyDrawManifest, verifyMatch,
} from "../../index.js";
import { contextOf, type Lang, parse } from "../args.js";
import { loadEntities, loadInspectors, readJson, SHEET_HELP, SHEET_OPTION, sheetOf } from "../io.js";
import { DB_OPTIONS, poolSourceOf } from "./pool-source.js";
import { EXIT, failWith, issueLines, printIssues, writeJson } from "../output.js";
import { drawnEarlierOf, saltOf, stratumLabelWords, stratumWords } from "./draw-common.js";
import { checkPublishedResults, VERIFY_RESULTS_OPTIONS } from "./publish.js";

export const HELP = `double-random verify <record.json> --pool <pool.csv|pool.xlsx|pool.json|manifest.json|postgres://…|mysql://…> (--salt S | --salt-file 盐值.txt)
        [--drawn-earlier ids.txt] [--inspectors 执法人员.csv [--experts 专家.csv]] [--earlier 早先公布的记录.json …] [--details] [--format json]
  复核已公布的抽取记录。结论写在标准输出（含每处不一致），可重定向保存：
    退出码 0 复核通过；1 已复核，发现不一致（逐项列出）；2 无法复核（文件缺失、无法读取、类型不对、放反、盐值为空），未做任何检查。
  盐值很可能有误时（没有一个分层的摘要能重算）只给一行结论和提示，--details 列出全部不一致。
  --pool 可以是名录库（CSV、XLSX 或 JSON 数组），也可以是 manifest -o 写出的名录清单（JSON 对象，名录库留在数据库中时使用；
  此时排除数无法复核）。记录含检查组时，给出 --inspectors（并以名录库复核）一并复核选派。
  Re-check a published draw. The verdict, with every mismatch, goes to stdout (redirect it to keep it):
    exit 0 verified; 1 checked, mismatches found (each listed); 2 could not check (missing, unreadable, wrong kind or
    swapped files, empty salt): nothing was checked.
  When the salt is most likely wrong (no stratum digest recomputes) one line says so with a hint; --details lists all.
  复核通过时写出分层方式（如 按信用风险分类×县级行政区划分层）；有名录库和盐值时，写出每个层键对应的标签（等级、行政区划代码）。
  A verified record's stratification is said in words; with the pool and salt, each stratum key's label (tier, region code).
  --pool is the entity pool (CSV, XLSX or a JSON array) or the manifest written by manifest -o (a JSON object, for pools
  kept in a database; exclusion counts cannot be re-checked from it). When the record carries inspector teams,
  --inspectors (with a pool) re-checks the matching too.
  --earlier 此前公布的同一记录（可多次）：其补抽和选派记录须是本记录的开头，删改任何一条都会被发现（draw-v1 §7.2、match-v1 §8.2）。
    A copy of this record published earlier (repeatable): its replacements and matching log must be a prefix of this one's.
  --results 公示清单.csv|公示包.json [--list-digest H]：复核公示结果恰为抽中对象（含补抽）、数目相符、摘要相符（publish-v1 §6）。
    Checks the published results are exactly the drawn set after replacements, counts and digests (publish-v1 §6).
${SHEET_HELP}`;

/** Each stratum key of the pool under `stratification` and `salt`, with its label (empty when the pool cannot be stratified). */
function labelsOfKeys(pool: readonly Entity[], stratification: string, salt: string): Map<string, string> {
  const m = buildManifest(pool, { stratify: stratification, salt });
  return new Map(m.ok ? m.value.strata.map((x) => [x.key, x.label]) : []);
}

/** What --pool held: the entity pool, or the department's manifest. */
type PoolSource = { readonly kind: "pool"; readonly pool: Entity[] } | { readonly kind: "manifest"; readonly manifest: Manifest };

const KIND = {
  record: { zh: "抽取记录（含 protocol、selections 的 JSON 对象）", en: "a draw record (a JSON object with protocol and selections)" },
  pool: { zh: "名录库（表格或对象数组）", en: "an entity pool (a table or an array of entities)" },
  manifest: { zh: "名录清单（含 strata 的 JSON 对象）", en: "a manifest (a JSON object with strata)" },
  poolOrManifest: { zh: "名录库（CSV、XLSX、JSON 数组）或名录清单（含 strata 的 JSON 对象）", en: "an entity pool (CSV, XLSX, JSON array) or a manifest (a JSON object with strata)" },
} as const;

const isRecordLike = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v) && "selections" in v && "announcement" in v;

/** Reads --pool: a JSON object with `strata` is a manifest; a JSON array, a CSV or an XLSX is a pool. Unambiguous. */
async function loadPoolOrManifest(file: string, lang: Lang, sheet: { sheet?: string } = {}): Promise<Result<PoolSource>> {
  if (extname(file).toLowerCase() !== ".json") {
    const pool = await loadEntities(file, { lang, ...sheet });
    return pool.ok ? ok({ kind: "pool", pool: pool.value }, pool.warnings) : pool;
  }
  const json = readJson(file);
  if (!json.ok) return json;
  const value = json.value;
  if (isRecordLike(value)) {
    return fail([createIssue("input_wrong_kind", { input: "--pool", file, found: KIND.record, expected: KIND.poolOrManifest }, { hint: { zh: "抽取记录和名录库是否放反了？记录放在第一个参数，名录库放在 --pool 之后。", en: "Are the record and the pool swapped? The record is the first argument, the pool goes after --pool." } })]);
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value) && "strata" in value) return ok({ kind: "manifest", manifest: value as Manifest });
  if (!Array.isArray(value)) return fail([createIssue("input_wrong_kind", { input: "--pool", file, found: { zh: "其他 JSON 对象", en: "some other JSON object" }, expected: KIND.poolOrManifest })]);
  const pool = parseEntityPool(value);
  return pool.ok ? ok({ kind: "pool", pool: pool.value }, pool.warnings) : pool;
}

/** Reads the record argument; a table or a pool given in its place is named as such. */
function loadRecord(file: string): Result<unknown> {
  const ext = extname(file).toLowerCase();
  if ([".csv", ".tsv", ".txt", ".xlsx", ".xlsm"].includes(ext)) {
    return fail([createIssue("input_wrong_kind", { input: "<record.json>", file, found: KIND.pool, expected: KIND.record }, { hint: { zh: "抽取记录和名录库是否放反了？记录放在第一个参数，名录库放在 --pool 之后。", en: "Are the record and the pool swapped? The record is the first argument, the pool goes after --pool." } })]);
  }
  const json = readJson(file);
  if (!json.ok) return json;
  if (Array.isArray(json.value)) {
    return fail([createIssue("input_wrong_kind", { input: "<record.json>", file, found: KIND.pool, expected: KIND.record }, { hint: { zh: "抽取记录和名录库是否放反了？", en: "Are the record and the pool swapped?" } })]);
  }
  if (typeof json.value === "object" && json.value !== null && "strata" in json.value && "chunkLines" in json.value) {
    return fail([createIssue("input_wrong_kind", { input: "<record.json>", file, found: KIND.manifest, expected: KIND.record }, { hint: { zh: "名录清单应放在 --pool 之后。", en: "The manifest goes after --pool." } })]);
  }
  return json;
}

/**
 * Copies of the record published earlier (--earlier, repeatable): the length and chain head of their replacements
 * (draw-v1 §7.2) and of their matching log (match-v1 §8.2), which the record must extend.
 */
function earlierOf(values: Record<string, unknown>, issues: Issue[]): { replacements: PublishedCopy[]; log: PublishedCopy[] } {
  const out = { replacements: [] as PublishedCopy[], log: [] as PublishedCopy[] };
  for (const file of (values.earlier as string[] | undefined) ?? []) {
    const json = readJson(file);
    if (!json.ok) {
      issues.push(...json.issues);
      continue;
    }
    const r = json.value as { replacements?: unknown; replacementsHead?: unknown; match?: { log?: unknown; logHead?: unknown } } | null;
    if (typeof r !== "object" || r === null || !Array.isArray(r.replacements)) {
      issues.push(createIssue("input_wrong_kind", { input: "--earlier", file, found: { zh: "其他 JSON", en: "some other JSON" }, expected: KIND.record }));
      continue;
    }
    if (typeof r.replacementsHead === "string") out.replacements.push({ length: r.replacements.length, head: r.replacementsHead });
    if (Array.isArray(r.match?.log) && typeof r.match?.logHead === "string") out.log.push({ length: r.match.log.length, head: r.match.logHead });
  }
  return out;
}

/** The inspector teams of the record re-checked (the second random), or a coded reason why they were not. */
async function checkTeams(record: unknown, source: PoolSource, values: Record<string, string | boolean | undefined>, lang: Lang, salt: string, earlier: readonly PublishedCopy[]): Promise<{ note: string; issues: Issue[]; checked: boolean; inputProblem?: boolean }> {
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
  const experts = typeof values.experts === "string" ? await loadInspectors(values.experts, { experts: true }) : undefined;
  if (!inspectors.ok) return { note: "", issues: [...inspectors.issues], checked: false, inputProblem: true };
  if (experts && !experts.ok) return { note: "", issues: [...experts.issues], checked: false, inputProblem: true };
  const m = verifyMatch({
    record: record as MatchedRecord<MatchableRecord>, inspectors: inspectors.value, entities: source.pool, salt, earlier,
    ...(experts?.ok ? { experts: experts.value } : {}),
  });
  if (!m.ok) return { note: "", issues: [...m.issues], checked: true };
  // Its warnings (e.g. match_not_committed: the pools were not announced before the draw) are printed too.
  // Late recusals counted against the published threshold (match-v1 §8.2), and the log's chain head.
  const v = m.value;
  const limit = lateRecusalLimit(v.teams);
  const head = v.logHead ? (lang === "zh" ? `，链头 ${v.logHead}` : `, head ${v.logHead}`) : "";
  const note = lang === "zh"
    ? `  检查组复核通过：${teams.length} 组；事后回避 ${v.lateRecusals} 次（阈值 ${limit}）${head}\n`
    : `  Teams verified: ${teams.length}; late recusals ${v.lateRecusals} (threshold ${limit})${head}\n`;
  return { note, issues: [...m.warnings], checked: true };
}

/**
 * Every announced stratum's digest fails to recompute (its key is missing, or its digest differs while its size
 * and the exclusion counts agree): with the pool drawn from this happens only with another salt. Returns the
 * number of strata, or 0.
 */
function saltLikelyWrong(record: unknown, failures: readonly Issue[]): number {
  const strata = (record as { announcement?: { strata?: { key?: unknown }[] } } | null)?.announcement?.strata;
  if (!Array.isArray(strata) || strata.length === 0) return 0;
  const bad = new Set<string>();
  const sizeDiffers = new Set<string>();
  for (const i of failures) {
    const p = i.params ?? {};
    if (i.code === "manifest_salt_mismatch") return strata.length;
    // The salt changes no count: different counts mean a different pool (or exclusion inputs).
    if (i.code === "exclusion_count_mismatch") return 0;
    if (i.code === "stratum_mismatch" && (p.field === "digest" || p.field === "presence")) bad.add(String(p.stratum));
    if (i.code === "stratum_mismatch" && p.field === "N") sizeDiffers.add(String(p.stratum));
  }
  return strata.every((s) => bad.has(String(s.key)) && !sizeDiffers.has(String(s.key))) ? strata.length : 0;
}

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, {
    ...DB_OPTIONS, pool: { type: "string" }, salt: { type: "string" }, "salt-file": { type: "string" }, "drawn-earlier": { type: "string" },
    inspectors: { type: "string" }, experts: { type: "string" }, details: { type: "boolean" }, earlier: { type: "string", multiple: true }, ...SHEET_OPTION,
    ...VERIFY_RESULTS_OPTIONS, // publish helper: --results 公示清单.csv|公示包.json, --list-digest
  });
  if (!p.ok) return failWith(contextOf(argv), p.issues, EXIT.usage);
  const ctx = p.value;
  const { values, positionals, lang, json } = ctx;
  const zh = lang === "zh";
  const issues: Issue[] = [];
  const salt = saltOf(values, issues);
  if (!positionals[0]) issues.push(createIssue("cli_missing_argument", { argument: "<record.json>" }));
  if (typeof values.pool !== "string") issues.push(createIssue("cli_missing_argument", { argument: "--pool" }));
  // Could not check: nothing was compared, so no verdict on the draw is given (exit 2).
  const couldNotCheck = (why: readonly Issue[]) => {
    if (!json) process.stdout.write(`${zh ? "✗ 无法复核（未做任何检查）" : "✗ Could not check (nothing was compared)"}\n`);
    if (json) return failWith(ctx, why, EXIT.usage);
    printIssues(why, lang, "stdout");
    return EXIT.usage;
  };
  if (issues.some((i) => i.severity === "error")) return couldNotCheck(issues);
  const record = loadRecord(positionals[0] as string);
  if (!record.ok) return couldNotCheck(record.issues);
  // --pool postgres://… | mysql://…: the pool stays in the database (inspector teams are then not re-checked).
  const db = await poolSourceOf(values, undefined, issues);
  if (issues.some((i) => i.severity === "error")) return couldNotCheck(issues);
  const source = db ? ok<PoolSource>({ kind: "manifest", manifest: { stratification: "none", chunkLines: 65_536, digest: "", strata: [] } }) : await loadPoolOrManifest(values.pool as string, lang, sheetOf(values));
  if (!source.ok) return couldNotCheck(source.issues);
  const drawnEarlier = drawnEarlierOf(values, issues);
  if (issues.some((i) => i.severity === "error")) return couldNotCheck(issues);
  const earlier = earlierOf(values, issues);
  if (issues.some((i) => i.severity === "error")) return couldNotCheck(issues);
  const options = { salt, ...(drawnEarlier ? { drawnEarlier } : {}), earlier: earlier.replacements };
  const src = source.value;
  const drawn = db
    ? await verifyDrawFromSource(record.value as DrawRecord, db, options)
    : src.kind === "manifest"
      ? verifyDrawManifest(record.value as DrawRecord, src.manifest, options)
      : verifyDraw(record.value as DrawRecord, src.pool, options);
  // A record that is not a record (schema, protocol) could not be checked either.
  if (!drawn.ok && drawn.issues.every((i) => i.code === "record_malformed" || i.code === "protocol_unsupported")) return couldNotCheck(drawn.issues);
  const against = db
    ? (zh ? "按数据库中的名录库复核" : "checked against the pool in the database")
    : src.kind === "manifest"
    ? (zh ? "按名录清单复核（排除数未复核）" : "checked against a manifest (exclusion counts not re-checked)")
    : (zh ? "按名录库复核" : "checked against the pool");
  // The second random: teams in the record are re-checked when they can be, and never silently passed over.
  const teams = await checkTeams(record.value, src, values, lang, salt, earlier.log);
  if (teams.inputProblem) return couldNotCheck(teams.issues);
  // 一公开 (publish helper): --results, the published list against the record (publish-v1 §6), reported with the teams.
  const published = await checkPublishedResults(record.value, values, lang);
  if (published.inputProblem) return couldNotCheck(published.issues);
  teams.note += published.note;
  teams.issues.push(...published.issues);
  const teamInfo = teams.issues.filter((i) => i.severity !== "error");
  const failures = [...(drawn.ok ? [] : drawn.issues), ...teams.issues.filter((i) => i.severity === "error")];
  const errors = failures.filter((i) => i.severity === "error").length;
  const warnings = [...issues, ...source.warnings, ...(drawn.ok ? drawn.warnings : []), ...teamInfo];
  const wrongSalt = errors > 0 ? saltLikelyWrong(record.value, failures) : 0;
  const saltIssue = wrongSalt > 0
    ? createIssue("verify_salt_likely_wrong", { count: wrongSalt }, {
      hint: {
        zh: `请核对部门提供的盐值（注意首尾空格、全角/半角字符），或用 --salt-file 从文件读取${salt !== salt.trim() ? "；给出的盐值首尾有空白" : ""}`,
        en: `Check the salt the department gave you (spaces at either end, full-width characters), or read it with --salt-file${salt !== salt.trim() ? "; the salt given has whitespace at an end" : ""}`,
      },
    })
    : undefined;
  if (json) {
    writeJson(errors === 0
      ? {
        ok: true, exitCode: EXIT.ok, checked: true, checkedAgainst: db ? "database" : src.kind, warnings, teamsChecked: teams.checked,
        // The count against the published threshold and the chain head (draw-v1 §7.2), for a report or a later --earlier.
        ...(drawn.ok ? { replacements: { count: drawn.value.replacements.length, threshold: replacementLimit(drawn.value.selections.length), head: drawn.value.replacementsHead ?? null } } : {}),
      }
      : { ok: false, exitCode: EXIT.negative, checked: true, checkedAgainst: db ? "database" : src.kind, mismatches: errors, issues: [...(saltIssue ? [saltIssue] : []), ...failures, ...teamInfo], warnings });
    return errors === 0 ? EXIT.ok : EXIT.negative;
  }
  if (errors === 0 && drawn.ok) {
    const rec = drawn.value;
    process.stdout.write(`${zh ? "✓ 复核通过" : "✓ Verified"}: ${rec.taskId} · ${rec.protocol} · ${zh ? "抽中" : "selected"} ${rec.selections.length}${zh ? " 户" : ""}${rec.replacements.length ? ` · ${zh ? "补抽" : "replacements"} ${rec.replacements.length}` : ""}\n`);
    process.stdout.write(`  ${against}\n`);
    const stratification = rec.announcement.stratification;
    process.stdout.write(`  ${zh ? "分层" : "strata"}: ${stratumWords(stratification, lang)}\n`);
    // With the pool and the salt the verifier may see which stratum is which (the labels are not in the record).
    const labels = src.kind === "pool" && stratification !== "none" ? labelsOfKeys(src.pool, stratification, salt) : src.kind === "manifest" ? new Map(src.manifest.strata.map((m) => [m.key, m.label])) : new Map<string, string>();
    for (const s of rec.strata) {
      const l = labels.get(s.key);
      process.stdout.write(`  ${s.key}${l !== undefined && stratification !== "none" ? `  ${stratumLabelWords(l, lang)}` : ""}  N=${s.N}  n=${s.n}\n`);
    }
    if (rec.replacements.length > 0 || rec.replacementsHead) {
      // The count against the published threshold (draw-v1 §7.2) and the chain head to compare with copies published before.
      const limit = replacementLimit(rec.selections.length);
      const head = rec.replacementsHead ? (zh ? `，链头 ${rec.replacementsHead}` : `, head ${rec.replacementsHead}`) : (zh ? "，无哈希链（早期版本的记录）" : ", no hash chain (an earlier version's record)");
      process.stdout.write(zh ? `  补抽 ${rec.replacements.length} 次（阈值 ${limit}）${head}\n` : `  replacements ${rec.replacements.length} (threshold ${limit})${head}\n`);
    }
    for (const r of rec.replacements) {
      const who = r.decision ? (zh ? `，${r.decision.by} ${r.decision.date} 决定` : `, decided by ${r.decision.by} on ${r.decision.date}`) : "";
      process.stdout.write(`  ${zh ? "补抽" : "replacement"}: ${r.replaces} → ${r.id}（${r.reason}${r.note ? `：${r.note}` : ""}${who}）\n`);
    }
    process.stdout.write(teams.note);
    // (teams_not_checked is in the summary above, with its code.)
    printIssues(warnings.filter((i) => i.code !== "teams_not_checked"), lang);
    return EXIT.ok;
  }
  if (saltIssue) {
    process.stdout.write(`${zh ? "✗ 复核未通过" : "✗ Verification failed"}: ${issueLines([saltIssue], lang).join("\n")}\n`);
    process.stdout.write(`  ${against}\n`);
    if (values.details === true) printIssues(failures, lang, "stdout");
    else process.stdout.write(zh ? `  （共 ${errors} 处不一致，--details 逐项列出）\n` : `  (${errors} mismatch(es) in all; --details lists them)\n`);
  } else {
    process.stdout.write(`${zh ? "✗ 复核未通过" : "✗ Verification failed"}: ${errors} ${zh ? "处不一致" : "mismatch(es)"}\n`);
    process.stdout.write(`  ${against}\n`);
    process.stdout.write(teams.note);
    printIssues(failures, lang, "stdout");
  }
  printIssues(warnings, lang);
  return EXIT.negative;
}
