// Shared by manifest / announce / draw / verify: salt, entropy and size options.
import {
  allocate, beaconEntropy, createIssue, diceEntropy, type Entropy, type EntropySource, fail, type Issue,
  lotteryEntropy, type Manifest, parseQuota, parseTierPolicy, type Result, revealEntropy, type StratumSizes,
  type TierPolicy, ok,
} from "../../index.js";
import { readText } from "../io.js";

/** Ids drawn in earlier batches, one per line, from --drawn-earlier (undefined when not given). */
export function drawnEarlierOf(values: Record<string, string | boolean | undefined>, issues: Issue[]): string[] | undefined {
  const file = values["drawn-earlier"];
  if (typeof file !== "string") return undefined;
  const t = readText(file);
  if (!t.ok) {
    issues.push(...t.issues);
    return undefined;
  }
  return t.value.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== "");
}

/** The salt from --salt, or from the first line of --salt-file (keeps it out of shell history). */
export function saltOf(values: Record<string, string | boolean | undefined>, issues: Issue[]): string {
  if (typeof values["salt-file"] === "string") {
    const t = readText(values["salt-file"]);
    if (!t.ok) issues.push(...t.issues);
    return t.ok ? (t.value.split(/\r?\n/)[0] ?? "") : "";
  }
  if (typeof values.salt === "string") return values.salt;
  issues.push(createIssue("cli_missing_argument", { argument: "--salt / --salt-file" }));
  return "";
}

/**
 * Entropy as written on the command line: `dice:<digits>`, `lottery:<n,n,n>/<n,n>` (one group per source),
 * `beacon:<round>:<hex>`, or `reveal:<secret>[,<secret>…]` (with the announcement's commitments).
 */
export function entropyOf(text: string, commitments: readonly string[]): Result<Entropy> {
  const [kind, ...rest] = text.split(":");
  const body = rest.join(":");
  switch (kind) {
    case "dice":
      return diceEntropy(body);
    case "lottery": {
      const sources = body.split("/").filter((s) => s !== "").map((g) => ({ numbers: g.split(/[,，\s]+/).filter((x) => x !== "").map(Number) }));
      return lotteryEntropy(sources);
    }
    case "beacon": {
      const [round, value] = body.split(":");
      return beaconEntropy({ round: Number(round), value: value ?? "" });
    }
    case "reveal":
      return revealEntropy(commitments, body.split(","));
    default:
      return fail([createIssue("cli_bad_option", { option: "--entropy", value: text, detail: "dice:… | lottery:… | beacon:<round>:<hex> | reveal:<secret>" })]);
  }
}

/** The announced future entropy source: `dice:<description>`, `lottery:<description>`, `beacon:<round>:<description>`. */
export function entropySourceOf(text: string): Result<EntropySource> {
  const [kind, ...rest] = text.split(":");
  if (kind === "beacon") {
    const [round, ...d] = rest;
    return ok({ kind: "beacon", round: Number(round), description: d.join(":") || "beacon" });
  }
  if (kind === "dice" || kind === "lottery") return ok({ kind, description: rest.join(":") || kind });
  return fail([createIssue("cli_bad_option", { option: "--entropy-source", value: text, detail: "dice:<说明> | lottery:<说明> | beacon:<round>:<说明>" })]);
}

/**
 * Sizes to draw: `--sizes 12` or `--sizes A=3,B=4,C=3,D=2`, or `--quota "<抽查比例>"` (with an optional
 * `--policy "<分类抽查要求>"`) sized per stratum of the manifest by `allocate`.
 */
export function sizesOf(values: Record<string, string | boolean | undefined>, manifest: Manifest, issues: Issue[]): StratumSizes | undefined {
  if (typeof values.sizes === "string") {
    const s = values.sizes.trim();
    if (/^\d+$/.test(s)) return Number(s);
    const out: Record<string, number> = {};
    for (const part of s.split(/[,，]/)) {
      const m = /^\s*(A|B|C|D|untiered|all)\s*=\s*(\d+)\s*$/.exec(part);
      if (!m) {
        issues.push(createIssue("cli_bad_option", { option: "--sizes", value: s, detail: "12 | A=3,B=4,C=3,D=2" }));
        return undefined;
      }
      out[m[1] as string] = Number(m[2]);
    }
    return out;
  }
  if (typeof values.quota !== "string") {
    issues.push(createIssue("cli_missing_argument", { argument: "--sizes / --quota" }));
    return undefined;
  }
  const quota = parseQuota(values.quota);
  if (!quota.ok) return issues.push(...quota.issues), undefined;
  issues.push(...quota.warnings);
  let policy: TierPolicy = { rules: {} };
  if (typeof values.policy === "string") {
    const p = parseTierPolicy(values.policy);
    if (!p.ok) return issues.push(...p.issues), undefined;
    policy = p.value;
  }
  const strata = manifest.strata.map((s) => ({ key: s.label, size: s.N, ...(s.label.length === 1 ? { tier: s.label as "A" } : {}) }));
  const a = allocate(strata, policy, { base: quota.value });
  if (!a.ok) return issues.push(...a.issues), undefined;
  const out: Record<string, number> = {};
  for (const row of a.value.rows) out[row.key] = row.n;
  return manifest.stratification === "none" ? (out.all ?? 0) : out;
}
