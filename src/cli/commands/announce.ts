import { createIssue, announce, type Entity, announceFromSource, buildManifest, buildManifestFromSource, type Issue, type MatchCommitment, matchCommitment, type MatchRules, type Result } from "../../index.js";
import { contextOf, parse } from "../args.js";
import { loadEntities, loadInspectors, sheetOf } from "../io.js";
import type { Lang } from "../args.js";
import { emitDocument, EXIT, failWith } from "../output.js";
import { entropySourceOf, saltOf, type Sizing, sizesOf, stratumWords } from "./draw-common.js";
import { exclusionsOf, POOL_HELP, POOL_OPTIONS, stratifyOf } from "./manifest.js";
import { MATCH_RULE_OPTIONS, rulesOf } from "./match.js";
import { DB_OPTIONS, isDatabaseUrl, poolSourceOf } from "./pool-source.js";

export const HELP = `double-random announce <pool> --task-id ID (--salt S | --salt-file 盐值.txt) --entropy-source "dice:<说明>"
        (--sizes 12 | --sizes A=3,B=4,C=3,D=2 | --sizes 140502=3,… | --quota "每半年3%" [--policy "A类×1/2，D类全部"])
        [--min-per-stratum 3] [--task-name 名称] [--stratify tier|none|region|tier×region|attribute:列名] [--exempt A] [--drawn-earlier ids.txt]
        [--recent-item ID --recent-days N --as-of YYYY-MM-DD] [-o announcement.json]
        [--inspectors 执法人员.csv [--experts 专家.csv] [--rules rules.json | --departments 甲局,乙局 …]]
  生成抽取公告（须在随机源产生之前公布）。给出 --inspectors 时，公告同时承诺执法人员名录库、选派规则和选派所读的
  对象属性（行政区划、以往检查，以盐值加盐，match-v1 §8.1）；之后的 match 和 verify 须给出同一盐值。
  Build the announcement to publish before the entropy exists. With --inspectors it also commits to the inspector
  pools, the matching rules and the entity attributes matching reads (region, past inspections; salted with the
  salt, match-v1 §8.1); \`match\` and \`verify\` then need the same salt.
  --entropy-source  事先公布的随机源 the future entropy source:
                    dice:<说明> | lottery:<说明> | beacon:<轮次 round>[:<说明>] | commit:<承诺1>/<承诺2>/[:<说明>]
                    （commit: 承诺—揭示，承诺由 double-random commit 从各方秘密值算出 / commit–reveal: commitments from double-random commit）
  --sizes           抽取户数：总数（分层时按各层规模分配），或 分层=户数 列表（A=3,B=4；140502=3；组合分层 B×140502=2）
                    how many to draw: a total (apportioned by size when stratified), or stratum=count (A=3; 140502=3; B×140502=2)
  --quota --policy  按抽查比例（及分类抽查要求）计算各层户数；分配表写在标准错误输出
                    size each stratum from the quota (and the tier policy); the allocation table goes to stderr
  --min-per-stratum N
                    每层不少于 N 户（如“每个县（市、区）不少于3户”：--stratify region --min-per-stratum 3）；不足 N 户的层整层抽取，
                    其余按规模分配 at least N from each stratum (e.g. 每个县（市、区）不少于3户: --stratify region
                    --min-per-stratum 3); a smaller stratum is taken whole, the rest goes by size
${POOL_HELP}`;

/**
 * The commitment to the second random, when --inspectors is given: the pools, the rules and (with the entity pool at
 * hand) the entity attributes matching reads, salted with the manifest salt (match-v1 §8.1).
 */
async function commitmentOf(values: Record<string, string | boolean | undefined>, rules: MatchRules, entities?: { readonly pool: readonly Entity[]; readonly salt: string }): Promise<Result<MatchCommitment> | undefined> {
  if (typeof values.inspectors !== "string") return undefined;
  const inspectors = await loadInspectors(values.inspectors);
  if (!inspectors.ok) return inspectors;
  const experts = typeof values.experts === "string" ? await loadInspectors(values.experts, { experts: true }) : undefined;
  if (experts && !experts.ok) return experts;
  return matchCommitment({
    inspectors: inspectors.value, rules, ...(experts?.ok ? { experts: experts.value } : {}),
    ...(entities ? { entities: entities.pool, salt: entities.salt } : {}),
  });
}

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, {
    ...POOL_OPTIONS,
    "task-id": { type: "string" }, "task-name": { type: "string" }, "entropy-source": { type: "string" },
    sizes: { type: "string" }, quota: { type: "string" }, policy: { type: "string" }, "min-per-stratum": { type: "string" },
    inspectors: { type: "string" }, experts: { type: "string" }, ...MATCH_RULE_OPTIONS, ...DB_OPTIONS,
  });
  if (!p.ok) return failWith(contextOf(argv), p.issues, EXIT.usage);
  const ctx = p.value;
  const { values, positionals, lang } = ctx;
  const issues: Issue[] = [];
  const salt = saltOf(values, issues);
  const exclusions = exclusionsOf(values, issues);
  const stratify = stratifyOf(values, issues);
  const source = entropySourceOf(String(values["entropy-source"] ?? ""));
  if (!source.ok) issues.push(...source.issues);
  if (typeof values["task-id"] !== "string") issues.push(createIssue("cli_missing_argument", { argument: "--task-id" }));
  if (!positionals[0] && !isDatabaseUrl(values.pool)) issues.push(createIssue("cli_missing_argument", { argument: "<pool>" }));
  const rules = rulesOf(values, issues);
  if (issues.some((i) => i.severity === "error") || !source.ok) return failWith(ctx, issues, EXIT.usage);
  const db = await poolSourceOf(values, positionals[0], issues);
  if (issues.some((i) => i.severity === "error")) return failWith(ctx, issues, EXIT.usage);
  if (db) {
    // The pool stays in the database: sizes computed from its strata need them first (one more read).
    let sizing: Sizing | undefined;
    const perStratum = typeof values.sizes === "string" && !/^\s*\d+\s*$/.test(values.sizes) && values["min-per-stratum"] === undefined;
    if (!perStratum && !(stratify === "none" && typeof values.sizes === "string" && values["min-per-stratum"] === undefined)) {
      const m = await buildManifestFromSource(db, { stratify, salt, exclusions });
      if (!m.ok) return failWith(ctx, m.issues, EXIT.usage);
      sizing = sizesOf(values, m.value, issues);
    } else sizing = sizesOf(values, { stratification: stratify, chunkLines: 65_536, digest: "", strata: [] }, issues);
    if (sizing === undefined) return failWith(ctx, issues, usageOr(issues));
    const sizes = sizing.sizes;
    // The pool stays in the database: the entity attributes cannot be committed from here (match-v1 §8.1 warns at verify).
    const match = await commitmentOf(values, rules);
    if (match && !match.ok) return failWith(ctx, match.issues, EXIT.usage);
    const a = await announceFromSource({
      taskId: values["task-id"] as string, ...(typeof values["task-name"] === "string" ? { taskName: values["task-name"] } : {}),
      source: db, stratify, salt, sizes, exclusions, entropySource: source.value, ...(match?.ok ? { match: match.value } : {}),
    });
    if (!a.ok) return failWith(ctx, [...issues, ...a.issues], EXIT.negative);
    if (!ctx.json) printAllocation(sizing, stratify, lang);
    return emitDocument(ctx, a.value.announcement, values.out as string | undefined, [...issues, ...a.warnings]);
  }
  const pool = await loadEntities(positionals[0] as string, { progress: values.progress === true, lang, ...sheetOf(values) });
  if (!pool.ok) return failWith(ctx, pool.issues, EXIT.usage);
  // A salt under 16 characters cannot salt the entity commitment (announce warns salt_short): the pools are still committed.
  const match = await commitmentOf(values, rules, salt.length >= 16 ? { pool: pool.value, salt } : undefined);
  if (match && !match.ok) return failWith(ctx, match.issues, EXIT.usage);
  const m = buildManifest(pool.value, { stratify, salt, exclusions });
  if (!m.ok) return failWith(ctx, m.issues, EXIT.usage);
  const sizing = sizesOf(values, m.value, issues);
  if (sizing === undefined) return failWith(ctx, issues, usageOr(issues));
  const sizes = sizing.sizes;
  const a = announce({
    taskId: values["task-id"] as string, ...(typeof values["task-name"] === "string" ? { taskName: values["task-name"] } : {}),
    pool: pool.value, stratify, salt, sizes, exclusions, entropySource: source.value,
    ...(match?.ok ? { match: match.value } : {}),
  });
  if (!a.ok) return failWith(ctx, [...issues, ...a.issues], EXIT.negative);
  if (!ctx.json) printAllocation(sizing, stratify, lang);
  return emitDocument(ctx, a.value.announcement, values.out as string | undefined, [...issues, ...pool.warnings, ...a.warnings]);
}

/** A usage error (exit 2) when an option was wrong, else "checked, and it cannot be done" (exit 1). */
const usageOr = (issues: readonly Issue[]) => (issues.some((i) => i.severity === "error" && i.code.startsWith("cli_")) ? EXIT.usage : EXIT.negative);

/**
 * The allocation table, when the sizes were computed (to stderr: stdout may carry the announcement). Stratum labels
 * are confidential (they name tiers): the table is for the department, never published.
 */
function printAllocation(sizing: Sizing, stratify: string, lang: Lang): void {
  if (!sizing.rows || sizing.rows.length === 0) return;
  const zh = lang === "zh";
  const w = (s: string) => process.stderr.write(`${s}\n`);
  w(zh ? `各层抽取户数（${stratumWords(stratify, lang)}；分层标签属保密材料，不公布）：` : `Sizes per stratum (${stratumWords(stratify, lang)}; the stratum labels are confidential, never published):`);
  const width = sizing.rows.reduce((w, r) => Math.max(w, r.key.length), 0);
  for (const r of sizing.rows) w(`  ${r.key.padEnd(width)}  N=${String(r.N).padStart(5)}  n=${String(r.n).padStart(4)}  ${r.explanation[lang]}`);
  const total = sizing.rows.reduce((a, r) => a + r.n, 0);
  w(zh ? `  合计 ${total} 户${sizing.explanation ? `（${sizing.explanation.zh}）` : ""}` : `  total ${total}${sizing.explanation ? ` (${sizing.explanation.en})` : ""}`);
}
