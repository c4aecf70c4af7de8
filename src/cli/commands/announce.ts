import { createIssue, announce, buildManifest, type Issue, type MatchCommitment, matchCommitment, type MatchRules, type Result } from "../../index.js";
import { parse } from "../args.js";
import { loadEntities, loadInspectors, printIssues, writeJson } from "../io.js";
import { entropySourceOf, saltOf, sizesOf } from "./draw-common.js";
import { exclusionsOf, POOL_OPTIONS, stratifyOf } from "./manifest.js";
import { MATCH_RULE_OPTIONS, rulesOf } from "./match.js";

export const HELP = `double-random announce <pool> --task-id ID --salt S --entropy-source "dice:<说明>"
        (--sizes 12 | --sizes A=3,B=4,C=3,D=2 | --quota "每半年3%" [--policy "A类×1/2，D类全部"])
        [--task-name 名称] [--stratify tier|none] [--exempt A] [--drawn-earlier ids.txt] [-o announcement.json]
        [--inspectors 执法人员.csv [--experts 专家.csv] [--rules rules.json | --departments 甲局,乙局 …]]
  生成抽取公告（须在随机源产生之前公布）。给出 --inspectors 时，公告同时承诺执法人员名录库和选派规则（match-v1 §8.1），
  之后的 match 只能使用同一名录库和规则。
  Build the announcement to publish before the entropy exists. With --inspectors it also commits to the inspector
  pools and matching rules (match-v1 §8.1); \`match\` then accepts only those.`;

/** The commitment to the second random, when --inspectors is given. */
async function commitmentOf(values: Record<string, string | boolean | undefined>, rules: MatchRules): Promise<Result<MatchCommitment> | undefined> {
  if (typeof values.inspectors !== "string") return undefined;
  const inspectors = await loadInspectors(values.inspectors);
  if (!inspectors.ok) return inspectors;
  const experts = typeof values.experts === "string" ? await loadInspectors(values.experts) : undefined;
  if (experts && !experts.ok) return experts;
  return matchCommitment({ inspectors: inspectors.value, rules, ...(experts?.ok ? { experts: experts.value } : {}) });
}

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, {
    ...POOL_OPTIONS,
    "task-id": { type: "string" }, "task-name": { type: "string" }, "entropy-source": { type: "string" },
    sizes: { type: "string" }, quota: { type: "string" }, policy: { type: "string" },
    inspectors: { type: "string" }, experts: { type: "string" }, ...MATCH_RULE_OPTIONS,
  });
  if (!p.ok) return printIssues(p.issues, "zh"), 2;
  const { values, positionals, lang } = p.value;
  const issues: Issue[] = [];
  const salt = saltOf(values, issues);
  const exclusions = exclusionsOf(values, issues);
  const source = entropySourceOf(String(values["entropy-source"] ?? ""));
  if (!source.ok) issues.push(...source.issues);
  if (typeof values["task-id"] !== "string") issues.push(createIssue("cli_missing_argument", { argument: "--task-id" }));
  if (!positionals[0]) issues.push(createIssue("cli_missing_argument", { argument: "<pool>" }));
  const rules = rulesOf(values, issues);
  if (issues.some((i) => i.severity === "error") || !source.ok) return printIssues(issues, lang), 2;
  const match = await commitmentOf(values, rules);
  if (match && !match.ok) return printIssues(match.issues, lang), 1;
  const pool = await loadEntities(positionals[0] as string, { progress: values.progress === true, lang });
  if (!pool.ok) return printIssues(pool.issues, lang), 1;
  const stratify = stratifyOf(values);
  const m = buildManifest(pool.value, { stratify, salt, exclusions });
  if (!m.ok) return printIssues(m.issues, lang), 1;
  const sizes = sizesOf(values, m.value, issues);
  if (sizes === undefined) return printIssues(issues, lang), 1;
  const a = announce({
    taskId: values["task-id"] as string, ...(typeof values["task-name"] === "string" ? { taskName: values["task-name"] } : {}),
    pool: pool.value, stratify, salt, sizes, exclusions, entropySource: source.value,
    ...(match?.ok ? { match: match.value } : {}),
  });
  if (!a.ok) return printIssues([...issues, ...a.issues], lang), 1;
  writeJson(a.value.announcement, values.out as string | undefined);
  printIssues([...issues, ...pool.warnings, ...a.warnings], lang);
  return 0;
}
