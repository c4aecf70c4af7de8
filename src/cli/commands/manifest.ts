import { createIssue, buildManifest, buildManifestFromSource, type ExclusionOptions, type Issue, type RiskTier, stratifier } from "../../index.js";
import { contextOf, parse, type Parsed } from "../args.js";
import { loadEntities, SHEET_HELP, SHEET_OPTION, sheetOf } from "../io.js";
import { EXIT, failWith, printIssues, writeJson } from "../output.js";
import { drawnEarlierOf, saltOf, stratumLabelWords, stratumWords } from "./draw-common.js";
import { DB_HELP, DB_OPTIONS, isDatabaseUrl, poolSourceOf } from "./pool-source.js";

export const POOL_HELP = `  --salt S | --salt-file 盐值.txt   盐值（--salt-file 读取文件第一行，不留在命令历史和进程列表中）
                                    salt (--salt-file reads the first line of a file: not in shell history or ps)
  --stratify tier|none|region[:county|city|province]|attribute:列名|tier×region
                                    分层方式（draw-v1 §4.2）：tier 按信用风险分类（默认：A/B/C/D/未分类 各为一层）；none 不分层；
                                    region 按行政区划代码（默认县级 6 位，region:city 地级、region:province 省级；名录库的“行政区划代码”列，
                                    数据库中 --region-column）；attribute:列名 按名录库某一列（如 attribute:行业）；用 × 连接为组合分层，
                                    如 tier×region（每个县内再按风险分类；× 也可写作 x 或 *）。层的标签不公布，只公布加盐的层键。
                                    how to stratify (draw-v1 §4.2): tier by risk tier (default: A/B/C/D/untiered); none; region by
                                    行政区划代码 (county by default, region:city, region:province; the pool's 行政区划代码 column, or
                                    --region-column in a database); attribute:<column> by a column of the pool (e.g. attribute:行业);
                                    parts joined by × make a product, e.g. tier×region (x or * may be typed for ×). Stratum labels are
                                    never published, only their salted keys.
  --exempt A[,B]                    免于抽取的分类（无事不扰） tiers exempt from the draw
  --drawn-earlier ids.txt           本年度前几批已抽中的对象编号（每行一个），排除 ids drawn in earlier batches
  --recent-item 事项编号 --recent-days 天数 --as-of YYYY-MM-DD
                                    排除截至 as-of 的若干天内已就该事项检查过的对象（表格的“上次检查日期”“上次检查事项”，
                                    或 JSON 的 inspections；未写事项的检查计入该事项，draw-v1 §4.1；--recent-named-only 只计写明该事项的）
                                    leave out entities inspected for that item within those days (the table's 上次检查日期 and
                                    上次检查事项, or JSON inspections; one naming no item counts, draw-v1 §4.1, unless --recent-named-only)
${DB_HELP}
${SHEET_HELP}`;

export const HELP = `double-random manifest <pool.csv|pool.xlsx|pool.json> --salt S [--stratify tier|none|region|tier×region|attribute:列名]
        [--exempt A] [--drawn-earlier ids.txt] [--recent-item ID --recent-days N --as-of YYYY-MM-DD] [--progress] [-o manifest.json]
  生成名录库的规范清单及其摘要（-o 写出含编号的清单，属保密材料）。
  Build the canonical manifest of a pool and its digests (-o writes the confidential manifest with ids).
${POOL_HELP}`;

export const POOL_OPTIONS = {
  salt: { type: "string" },
  "salt-file": { type: "string" },
  stratify: { type: "string", default: "tier" },
  exempt: { type: "string" },
  "drawn-earlier": { type: "string" },
  "recent-item": { type: "string" },
  "recent-days": { type: "string" },
  "recent-named-only": { type: "boolean" },
  "as-of": { type: "string" },
  progress: { type: "boolean" },
  ...SHEET_OPTION,
} as const;

/** Exclusions from --exempt, --drawn-earlier and the recent-inspection options. */
export function exclusionsOf(values: Parsed["values"], issues: Issue[]): ExclusionOptions {
  const out: { exemptTiers?: RiskTier[]; drawnEarlier?: string[]; recentInspection?: { itemId: string; asOf: string; withinDays: number; withoutItem?: boolean } } = {};
  if (typeof values.exempt === "string") {
    const tiers = values.exempt.split(/[,，、]/).map((s) => s.trim().replace(/类$/, "").toUpperCase()).filter((s) => s !== "");
    const bad = tiers.filter((t) => !["A", "B", "C", "D"].includes(t));
    if (bad.length > 0) issues.push(createIssue("cli_bad_option", { option: "--exempt", value: values.exempt, detail: { zh: "应为 A、B、C、D 中的一个或几个，如 A 或 A,B", en: "one or more of A, B, C, D, e.g. A or A,B" } }));
    else out.exemptTiers = tiers as RiskTier[];
  }
  const earlier = drawnEarlierOf(values, issues);
  if (earlier) out.drawnEarlier = earlier;
  const item = values["recent-item"], days = values["recent-days"], asOf = values["as-of"];
  if (item !== undefined || days !== undefined || asOf !== undefined) {
    if (typeof item !== "string" || item.trim() === "") issues.push(createIssue("cli_missing_argument", { argument: "--recent-item" }));
    if (typeof days !== "string" || !/^[1-9]\d*$/.test(days)) {
      issues.push(days === undefined ? createIssue("cli_missing_argument", { argument: "--recent-days" }) : createIssue("cli_bad_option", { option: "--recent-days", value: String(days), detail: { zh: "应为正整数（天数）", en: "a positive whole number of days" } }));
    }
    if (typeof asOf !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
      issues.push(asOf === undefined ? createIssue("cli_missing_argument", { argument: "--as-of" }) : createIssue("cli_bad_option", { option: "--as-of", value: String(asOf), detail: { zh: "应为日期 YYYY-MM-DD", en: "a date YYYY-MM-DD" } }));
    }
    if (typeof item === "string" && typeof days === "string" && typeof asOf === "string") out.recentInspection = { itemId: item.trim(), asOf, withinDays: Number(days), ...(values["recent-named-only"] === true ? { withoutItem: false } : {}) };
  }
  return out;
}

const STRATIFY_ALLOWED = {
  zh: "应为 none（不分层）、tier（按信用风险分类，默认）、region（按县级行政区划代码；region:city 按地级、region:province 按省级）、" +
    "attribute:列名（按名录库某一列，如 attribute:行业），或用 × 连接的组合，如 tier×region（× 也可写作 x 或 *）",
  en: "none, tier (by risk tier, the default), region (by county-level 行政区划代码; region:city, region:province for the " +
    "city or province level), attribute:<column> (by a column of the pool, e.g. attribute:行业), or a product joined by ×, " +
    "e.g. tier×region (x or * may be typed for ×)",
};

const LEVELS: Readonly<Record<string, string>> = {
  county: "county", 县: "county", 县级: "county", city: "city", 市: "city", 地级: "city", 市级: "city", province: "province", 省: "province", 省级: "province",
};

/**
 * The stratification as typed, in the canonical spelling of draw-v1 §4.2: `x` or `*` typed for `×` (between parts),
 * spaces around parts dropped, `region` alone read as `region:county`, the levels also in Chinese (县级, 地级/市级,
 * 省级). The text is checked afterwards by the library's own parser.
 */
export function normaliseStratify(text: string): string {
  const parts = text.trim().split(/\s*[×*]\s*|\s+[xX]\s+|(?<=^\s*(?:tier|region(?::[a-z]+|:[县市省]级?)?)|[×*]\s*(?:tier|region(?::[a-z]+|:[县市省]级?)?))[xX](?=tier|region|attribute:)/);
  return parts.map((part) => {
    const p = part.trim();
    if (p === "region") return "region:county";
    const level = /^region:(.+)$/.exec(p)?.[1];
    return level !== undefined && Object.prototype.hasOwnProperty.call(LEVELS, level) ? `region:${LEVELS[level]}` : p;
  }).join("×");
}

/**
 * --stratify: `tier` (the default), `none`, `region[:county|city|province]`, `attribute:列名` or a product such as
 * `tier×region`; anything else is a usage error naming what is allowed. Returns the canonical stratification string.
 */
export function stratifyOf(values: Parsed["values"], issues: Issue[] = []): string {
  if (values.stratify === undefined) return "tier";
  const text = normaliseStratify(String(values.stratify));
  const s = stratifier(text);
  if (!s.ok) {
    const why = s.issues[0]?.message;
    issues.push(createIssue("cli_bad_option", {
      option: "--stratify", value: String(values.stratify),
      detail: why ? { zh: `${why.zh}；${STRATIFY_ALLOWED.zh}`, en: `${why.en}; allowed: ${STRATIFY_ALLOWED.en}` } : STRATIFY_ALLOWED,
    }));
    return "tier";
  }
  return text;
}

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, { ...POOL_OPTIONS, ...DB_OPTIONS });
  if (!p.ok) return failWith(contextOf(argv), p.issues, EXIT.usage);
  const ctx = p.value;
  const { values, positionals, lang, json } = ctx;
  const issues: Issue[] = [];
  const salt = saltOf(values, issues);
  const exclusions = exclusionsOf(values, issues);
  const stratify = stratifyOf(values, issues);
  if (!positionals[0] && !isDatabaseUrl(values.pool)) issues.push(createIssue("cli_missing_argument", { argument: "<pool>" }));
  if (issues.some((i) => i.severity === "error")) return failWith(ctx, issues, EXIT.usage);
  const db = await poolSourceOf(values, positionals[0], issues);
  if (issues.some((i) => i.severity === "error")) return failWith(ctx, issues, EXIT.usage);
  if (db) {
    // The pool stays in the database: the published half of the manifest (no ids, so no -o).
    const m = await buildManifestFromSource(db, { stratify, salt, exclusions });
    if (!m.ok) return failWith(ctx, m.issues, EXIT.usage);
    if (json) writeJson({ ok: true, digest: m.value.digest, chunkLines: m.value.chunkLines, strata: m.value.strata, warnings: [...issues, ...m.warnings] });
    else {
      const zh = lang === "zh";
      process.stdout.write(`${zh ? "名录库摘要" : "manifest digest"}: ${m.value.digest}${zh ? `（${stratumWords(stratify, lang)}）` : ` (${stratumWords(stratify, lang)})`}\n`);
      for (const s of m.value.strata) process.stdout.write(`  ${s.key}  ${zh ? "层" : "stratum"} ${stratumLabelWords(s.label, lang)}  N=${s.N}  ${s.digest}\n`);
      printIssues([...issues, ...m.warnings], lang);
    }
    return EXIT.ok;
  }
  const pool = await loadEntities(positionals[0] as string, { progress: values.progress === true, lang, ...sheetOf(values) });
  if (!pool.ok) return failWith(ctx, pool.issues, EXIT.usage);
  const m = buildManifest(pool.value, { stratify, salt, exclusions });
  if (!m.ok) return failWith(ctx, m.issues, EXIT.usage);
  const manifest = m.value;
  if (typeof values.out === "string") {
    const w = writeJson(manifest, values.out);
    if (!w.ok) return failWith(ctx, w.issues, EXIT.usage);
  }
  const warnings = [...issues, ...pool.warnings, ...m.warnings];
  if (json) writeJson({ ok: true, digest: manifest.digest, chunkLines: manifest.chunkLines, strata: manifest.strata.map(({ key, label, N, digest }) => ({ key, label, N, digest })), warnings });
  else {
    const zh = lang === "zh";
    process.stdout.write(`${zh ? "名录库摘要" : "manifest digest"}: ${manifest.digest}${zh ? `（${stratumWords(stratify, lang)}）` : ` (${stratumWords(stratify, lang)})`}\n`);
    for (const s of manifest.strata) process.stdout.write(`  ${s.key}  ${zh ? "层" : "stratum"} ${stratumLabelWords(s.label, lang)}  N=${s.N}  ${s.digest}\n`);
  }
  if (!json) printIssues(warnings, lang);
  return EXIT.ok;
}
