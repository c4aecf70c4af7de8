import { createIssue, buildManifest, type ExclusionOptions, type Issue, type RiskTier } from "../../index.js";
import { parse, type Parsed } from "../args.js";
import { loadEntities, printIssues, writeJson } from "../io.js";
import { drawnEarlierOf, saltOf } from "./draw-common.js";

export const HELP = `double-random manifest <pool.csv|pool.xlsx|pool.json> --salt S [--stratify tier|none]
        [--exempt A] [--drawn-earlier ids.txt] [--progress] [-o manifest.json]
  生成名录库的规范清单及其摘要（-o 写出含编号的清单，属保密材料）。
  Build the canonical manifest of a pool and its digests (-o writes the confidential manifest with ids).`;

export const POOL_OPTIONS = {
  salt: { type: "string" },
  "salt-file": { type: "string" },
  stratify: { type: "string", default: "tier" },
  exempt: { type: "string" },
  "drawn-earlier": { type: "string" },
  progress: { type: "boolean" },
} as const;

/** Exclusions from --exempt and --drawn-earlier. */
export function exclusionsOf(values: Parsed["values"], issues: Issue[]): ExclusionOptions {
  const out: { exemptTiers?: RiskTier[]; drawnEarlier?: string[] } = {};
  if (typeof values.exempt === "string") out.exemptTiers = values.exempt.split(/[,，]/).map((s) => s.trim() as RiskTier);
  const earlier = drawnEarlierOf(values, issues);
  if (earlier) out.drawnEarlier = earlier;
  return out;
}

export function stratifyOf(values: Parsed["values"]): "tier" | "none" {
  return values.stratify === "none" ? "none" : "tier";
}

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, POOL_OPTIONS);
  if (!p.ok) return printIssues(p.issues, "zh"), 2;
  const { values, positionals, lang, json } = p.value;
  const issues: Issue[] = [];
  const salt = saltOf(values, issues);
  const exclusions = exclusionsOf(values, issues);
  if (!positionals[0]) issues.push(createIssue("cli_missing_argument", { argument: "<pool>" }));
  if (issues.some((i) => i.severity === "error")) return printIssues(issues, lang), 2;
  const pool = await loadEntities(positionals[0] as string, { progress: values.progress === true, lang });
  if (!pool.ok) return printIssues(pool.issues, lang), 1;
  const m = buildManifest(pool.value, { stratify: stratifyOf(values), salt, exclusions });
  if (!m.ok) return printIssues(m.issues, lang), 1;
  const manifest = m.value;
  if (typeof values.out === "string") writeJson(manifest, values.out);
  if (json) writeJson({ digest: manifest.digest, chunkLines: manifest.chunkLines, strata: manifest.strata.map(({ ids: _ids, ...s }) => s) });
  else {
    const zh = lang === "zh";
    process.stdout.write(`${zh ? "名录库摘要" : "manifest digest"}: ${manifest.digest}\n`);
    for (const s of manifest.strata) process.stdout.write(`  ${s.key}  ${zh ? "层" : "stratum"} ${s.label}  N=${s.N}  ${s.digest}\n`);
  }
  printIssues([...pool.warnings, ...m.warnings], lang);
  return 0;
}
