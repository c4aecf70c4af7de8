import { createIssue, type Issue, type MatchableRecord, matchInspectors, type MatchRules } from "../../index.js";
import { parseRecord } from "../../draw/_checks.js";
import { contextOf, parse } from "../args.js";
import { loadEntities, loadInspectors, readJson, SHEET_HELP, SHEET_OPTION, sheetOf } from "../io.js";
import { EXIT, failWith, printIssues, writeJson } from "../output.js";
import { saltOf } from "./draw-common.js";

export const HELP = `double-random match <record.json> --inspectors 执法人员.csv [--experts 专家.csv] [--pool 名录库.csv [--salt S | --salt-file 盐值.txt]]
        [--rules rules.json | --min 2 --departments 甲局,乙局 --qualifications 特种设备 --load-cap 3 --leader-department 甲局]
        [-o record-with-teams.json]
  从抽取记录的随机流为每个抽中对象选派执法检查人员（第二个随机）。--pool 提供回避、区域所需的对象信息；
  --load-cap 是未填写“工作量上限”的人员的默认上限（个人上限优先）。
  Match inspectors to every drawn target from the record's stream (the second random); --pool gives entities for recusal
  and regions; --load-cap is the default cap for people without their own 工作量上限 (a person's own cap wins).
  公告承诺了对象属性时（announce --inspectors），须给出公告时的盐值，以核对 --pool 的对象属性与承诺相符。
  When the announcement commits to the entity attributes (announce --inspectors), give its salt: --pool is checked against it.
${SHEET_HELP}`;

const list = (v: string | boolean | undefined) => (typeof v === "string" ? v.split(/[,，、]/).map((s) => s.trim()).filter((s) => s !== "") : undefined);

/** The options that give the matching rules (shared with `announce`, which commits to them). */
export const MATCH_RULE_OPTIONS = {
  rules: { type: "string" }, min: { type: "string" }, departments: { type: "string" }, qualifications: { type: "string" },
  "load-cap": { type: "string" }, "leader-department": { type: "string" },
} as const;

/** Rules from --rules (JSON) or from the individual flags. */
export function rulesOf(values: Record<string, string | boolean | undefined>, issues: Issue[]): MatchRules {
  if (typeof values.rules === "string") {
    const json = readJson(values.rules);
    if (!json.ok) issues.push(...json.issues);
    return json.ok ? (json.value as MatchRules) : {};
  }
  const rules: { -readonly [K in keyof MatchRules]: MatchRules[K] } = {};
  for (const [flag, key] of [["min", "minCredentialed"], ["load-cap", "loadCap"]] as const) {
    const v = values[flag];
    if (v === undefined) continue;
    if (typeof v !== "string" || !/^\d+$/.test(v)) issues.push(createIssue("cli_bad_option", { option: `--${flag}`, value: String(v), detail: { zh: "应为非负整数", en: "a non-negative integer" } }));
    else rules[key] = Number(v);
  }
  const departments = list(values.departments);
  if (departments) rules.departments = departments;
  const qualifications = list(values.qualifications);
  if (qualifications) rules.qualifications = qualifications;
  if (typeof values["leader-department"] === "string") rules.leader = { department: values["leader-department"] };
  return rules;
}

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, {
    inspectors: { type: "string" }, experts: { type: "string" }, pool: { type: "string" }, salt: { type: "string" }, "salt-file": { type: "string" },
    ...MATCH_RULE_OPTIONS, ...SHEET_OPTION,
  });
  if (!p.ok) return failWith(contextOf(argv), p.issues, EXIT.usage);
  const ctx = p.value;
  const { values, positionals, lang, json } = ctx;
  const issues: Issue[] = [];
  if (!positionals[0]) issues.push(createIssue("cli_missing_argument", { argument: "<record.json>" }));
  if (typeof values.inspectors !== "string") issues.push(createIssue("cli_missing_argument", { argument: "--inspectors" }));
  const rules = rulesOf(values, issues);
  // The salt of the entity commitment (match-v1 §8.1): optional here, needed when the announcement committed entities.
  const salt = typeof values.salt === "string" || typeof values["salt-file"] === "string" ? saltOf(values, issues) : undefined;
  if (issues.some((i) => i.severity === "error")) return failWith(ctx, issues, EXIT.usage);
  const json0 = readJson(positionals[0] as string);
  if (!json0.ok) return failWith(ctx, json0.issues, EXIT.usage);
  // The same schema check as verify's first step: a malformed record (junk keys, wrong types) is refused here too.
  const record = parseRecord(json0.value);
  if (!record.ok) return failWith(ctx, record.issues, EXIT.usage);
  // An announcement that committed the entity attributes can only be matched with the salt that salted them.
  if (record.value.announcement.match?.entities !== undefined && salt === undefined) {
    return failWith(ctx, [createIssue("cli_missing_argument", { argument: "--salt / --salt-file（公告已承诺对象属性，须给出公告时的盐值 / the announcement commits the entity attributes: give its salt）" })], EXIT.usage);
  }
  const inspectors = await loadInspectors(values.inspectors as string);
  if (!inspectors.ok) return failWith(ctx, inspectors.issues, EXIT.usage);
  const experts = typeof values.experts === "string" ? await loadInspectors(values.experts, { experts: true }) : undefined;
  if (experts && !experts.ok) return failWith(ctx, experts.issues, EXIT.usage);
  const pool = typeof values.pool === "string" ? await loadEntities(values.pool, sheetOf(values)) : undefined;
  if (pool && !pool.ok) return failWith(ctx, pool.issues, EXIT.usage);
  const r = matchInspectors({
    record: record.value as MatchableRecord, inspectors: inspectors.value, rules,
    ...(experts?.ok ? { experts: experts.value } : {}), ...(pool?.ok ? { entities: pool.value } : {}), ...(salt !== undefined ? { salt } : {}),
  });
  if (!r.ok) return failWith(ctx, r.issues, EXIT.negative);
  if (typeof values.out === "string") {
    const w = writeJson(r.value.record, values.out);
    if (!w.ok) return failWith(ctx, w.issues, EXIT.usage);
  }
  if (json) writeJson(r.value.teams);
  else {
    const names = new Map([...inspectors.value, ...(experts?.ok ? experts.value : [])].map((i) => [i.id, `${i.name}（${i.department}）`]));
    for (const team of r.value.teams) {
      const members = [...team.members, ...team.experts].map((m) => `${names.get(m.id) ?? m.id}${m.id === team.leaderId ? (lang === "zh" ? "★组长" : " ★leader") : ""}`);
      process.stdout.write(`${team.targetId}  ${members.join(lang === "zh" ? "、" : ", ")}\n`);
    }
    // The chain head of the matching log (match-v1 §8.2): publish it, so a later edit of the log is detected.
    const head = (r.value.record.match as { logHead?: string }).logHead;
    if (head) process.stdout.write(lang === "zh" ? `选派记录链头 logHead：${head}\n` : `log chain head (logHead): ${head}\n`);
  }
  printIssues([...inspectors.warnings, ...r.warnings], lang);
  return EXIT.ok;
}
