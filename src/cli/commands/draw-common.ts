// Shared by manifest / announce / draw / verify: salt, entropy and size options.
import {
  allocate, beaconEntropy, createIssue, diceEntropy, type Entropy, type EntropySource, fail, type Issue,
  lotteryEntropy, type Manifest, type ManifestDigests, parseQuota, parseTierPolicy, type Result, revealEntropy, type StratumSizes,
  type TierPolicy, ok, allocateStrata, type AllocationRow, type StrataRule, stratifier, stratumLabel,
} from "../../index.js";
import { readText } from "../io.js";
import { label, STRATUM } from "../labels.js";

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

/**
 * The salt from --salt, or from the first line of --salt-file (keeps it out of shell history and `ps`). Used as
 * given, byte for byte; a salt with spaces at either end gets a warning (a copied salt often carries one).
 */
export function saltOf(values: Record<string, string | boolean | undefined>, issues: Issue[]): string {
  let salt: string;
  if (typeof values["salt-file"] === "string") {
    const t = readText(values["salt-file"]);
    if (!t.ok) {
      issues.push(...t.issues);
      return "";
    }
    salt = t.value.split(/\r?\n/)[0] ?? "";
  } else if (typeof values.salt === "string") salt = values.salt;
  else {
    issues.push(createIssue("cli_missing_argument", { argument: "--salt / --salt-file" }));
    return "";
  }
  if (salt.trim() === "") issues.push(createIssue("cli_salt_blank", { option: typeof values["salt-file"] === "string" ? "--salt-file" : "--salt" }));
  else if (salt !== salt.trim()) issues.push(createIssue("cli_salt_whitespace", {}));
  return salt;
}

/** An entropy text the CLI could not read, said in both languages with the accepted forms. */
function badEntropy(option: string, text: string, detail: { zh: string; en: string }): Result<never> {
  return fail([createIssue("cli_bad_option", { option, value: text, detail })]);
}

/**
 * Entropy as written on the command line, in the canonical form the record prints (so a record's
 * `entropy.value` can be pasted back):
 * - `dice:<digits>`
 * - `lottery:9.18.26./2.12./` — each source's numbers ended by "." and each source by "/" (also accepted:
 *   `lottery:26,9,18/12,2`);
 * - `beacon:<round>:<hex>` (or `beacon:<hex>`, the round then taken from the announcement);
 * - `reveal:<secret>/<secret>/` — the secrets in the order of the announced commitments, each ended by "/".
 */
export function entropyOf(text: string, source: EntropySource | undefined): Result<Entropy> {
  const colon = text.indexOf(":");
  const kind = colon < 0 ? text : text.slice(0, colon);
  const body = colon < 0 ? "" : text.slice(colon + 1);
  switch (kind) {
    case "dice":
      if (!/^[0-9]+$/.test(body)) return badEntropy("--entropy", text, { zh: "掷骰结果应为数字 0–9，如 dice:27182818284590452353", en: "dice digits 0–9, e.g. dice:27182818284590452353" });
      return diceEntropy(body);
    case "lottery": {
      const groups = body.split("/").map((g) => g.trim()).filter((g) => g !== "");
      const sources = groups.map((g) => g.split(/[.,，\s]+/).filter((x) => x !== ""));
      if (sources.length === 0 || sources.some((g) => g.length === 0 || g.some((x) => !/^\d+$/.test(x)))) {
        return badEntropy("--entropy", text, { zh: "彩票号码应写成 lottery:9.18.26./2.12./（每个号码后加“.”，每期开奖后加“/”）", en: "lottery numbers as lottery:9.18.26./2.12./ (each number ended by \".\", each draw by \"/\")" });
      }
      return lotteryEntropy(sources.map((g) => ({ numbers: g.map(Number) })));
    }
    case "beacon": {
      const parts = body.split(":");
      const announced = source?.kind === "beacon" ? source.round : undefined;
      const [round, value] = parts.length >= 2 ? [parts[0] as string, parts.slice(1).join(":")] : [announced === undefined ? "" : String(announced), parts[0] ?? ""];
      if (!/^\d+$/.test(round)) {
        return badEntropy("--entropy", text, { zh: "随机信标须写明轮次：beacon:<轮次>:<输出值十六进制>，如 beacon:4521337:9f2c…", en: "a beacon value needs its round: beacon:<round>:<hex output>, e.g. beacon:4521337:9f2c…" });
      }
      if (!/^[0-9a-fA-F]{32,}$/.test(value)) {
        return badEntropy("--entropy", text, { zh: "随机信标输出值应为至少 32 位十六进制数字", en: "the beacon output must be at least 32 hex digits" });
      }
      return beaconEntropy({ round: Number(round), value });
    }
    case "reveal": {
      const commitments = source?.kind === "commitReveal" ? source.commitments : [];
      if (commitments.length === 0) {
        return badEntropy("--entropy", text, { zh: "公告的随机源不是承诺—揭示（commit:），不能用 reveal:", en: "the announced entropy source is not commit–reveal (commit:), so reveal: cannot be used" });
      }
      // Canonical: each secret ended by "/" (a secret cannot contain "/"). Older form: secrets separated by ",".
      let secrets = body.split("/");
      if (secrets.at(-1) === "") secrets.pop();
      if (secrets.length === 1 && commitments.length > 1 && body.split(",").length === commitments.length) secrets = body.split(",");
      if (secrets.length !== commitments.length) {
        return badEntropy("--entropy", text, {
          zh: `公告含 ${commitments.length} 个承诺，应给出 ${commitments.length} 个秘密值：reveal:<秘密1>/<秘密2>/（按承诺顺序，每个后加“/”）`,
          en: `the announcement has ${commitments.length} commitment(s): give as many secrets, reveal:<secret1>/<secret2>/ (in commitment order, each ended by "/")`,
        });
      }
      return revealEntropy(commitments, secrets);
    }
    default:
      return badEntropy("--entropy", text, {
        zh: "应为 dice:<数字> | lottery:9.18.26./2.12./ | beacon:<轮次>:<十六进制> | reveal:<秘密1>/<秘密2>/",
        en: "dice:<digits> | lottery:9.18.26./2.12./ | beacon:<round>:<hex> | reveal:<secret1>/<secret2>/",
      });
  }
}

/**
 * The announced future entropy source: `dice:<说明>`, `lottery:<说明>`, `beacon:<round>[:<说明>]`, or
 * `commit:<commitment>/<commitment>/[:<说明>]` (the SHA-256 hex of each party's secret, from `double-random commit`).
 */
export function entropySourceOf(text: string): Result<EntropySource> {
  const colon = text.indexOf(":");
  const kind = colon < 0 ? text : text.slice(0, colon);
  const rest = colon < 0 ? "" : text.slice(colon + 1);
  if (kind === "beacon") {
    const [round, ...d] = rest.split(":");
    if (!/^\d+$/.test(round ?? "")) {
      return badEntropy("--entropy-source", text, { zh: "随机信标须写明将使用的轮次：beacon:<轮次>[:<说明>]，如 beacon:4521337:drand 主网", en: "name the beacon round to be used: beacon:<round>[:<description>], e.g. beacon:4521337:drand mainnet" });
    }
    return ok({ kind: "beacon", round: Number(round), description: d.join(":") || "beacon" });
  }
  if (kind === "commit") {
    const [list = "", ...d] = rest.split(":");
    const commitments = list.split(/[/,]/).map((c) => c.trim().toLowerCase()).filter((c) => c !== "");
    if (commitments.length === 0 || commitments.some((c) => !/^[0-9a-f]{64}$/.test(c))) {
      return badEntropy("--entropy-source", text, {
        zh: "承诺应为 64 位十六进制（double-random commit 输出）：commit:<承诺1>/<承诺2>/[:<说明>]",
        en: "commitments are 64 hex digits (as printed by double-random commit): commit:<c1>/<c2>/[:<description>]",
      });
    }
    return ok({ kind: "commitReveal", commitments, description: d.join(":") || "commit–reveal" });
  }
  if ((kind === "dice" || kind === "lottery") && rest.trim() !== "") return ok({ kind, description: rest });
  return badEntropy("--entropy-source", text, {
    zh: "应为 dice:<说明> | lottery:<说明> | beacon:<轮次>[:<说明>] | commit:<承诺1>/<承诺2>/[:<说明>]",
    en: "dice:<description> | lottery:<description> | beacon:<round>[:<description>] | commit:<c1>/<c2>/[:<description>]",
  });
}

/** Sizes to draw, and the allocation table when they were computed (printed by announce). */
export interface Sizing {
  readonly sizes: StratumSizes;
  readonly rows?: readonly AllocationRow[];
  readonly explanation?: { readonly zh: string; readonly en: string };
}

/** --min-per-stratum N (每层不少于 N 户), or undefined; null after a usage error. */
function minPerStratumOf(values: Record<string, string | boolean | undefined>, issues: Issue[]): number | undefined | null {
  const v = values["min-per-stratum"];
  if (v === undefined) return undefined;
  if (typeof v === "string" && /^\d+$/.test(v.trim())) return Number(v.trim());
  issues.push(createIssue("cli_bad_option", { option: "--min-per-stratum", value: String(v), detail: { zh: "应为非负整数（每层最少抽取的户数，如 3）", en: "a whole number ≥ 0 (the fewest to draw from each stratum, e.g. 3)" } }));
  return null;
}

const SIZES_FORMS = {
  zh: "应为总数（如 12），或 分层=户数 的列表：A=3,B=4（按信用风险分类）、140502=3,140521=2（按行政区划代码）、B×140502=2（组合分层，各部分用 × 连接）",
  en: "a total (e.g. 12), or a list of stratum=count: A=3,B=4 (risk tiers), 140502=3,140521=2 (region codes), B×140502=2 (a product: parts joined by ×)",
};

/**
 * Sizes to draw: `--sizes 12` (unstratified, or apportioned over the strata), `--sizes A=3,B=4` / `140502=3,…` /
 * `B×140502=2,…` per stratum label, or `--quota "<抽查比例>"` (with an optional `--policy "<分类抽查要求>"`) sized per
 * stratum of the manifest. With `--min-per-stratum`, or strata other than tiers, `allocateStrata` sizes them (a minimum
 * per stratum, the rest by size); tiers alone keep `allocate`'s per-tier computation.
 */
export function sizesOf(values: Record<string, string | boolean | undefined>, manifest: ManifestDigests, issues: Issue[]): Sizing | undefined {
  const stratification = manifest.stratification;
  const s = stratifier(stratification);
  if (!s.ok) {
    for (const i of s.issues) issues.push(i);
    return undefined;
  }
  const min = minPerStratumOf(values, issues);
  if (min === null) return undefined;
  const counts = manifest.strata.map((x) => {
    const tier = s.value.tierOf(x.label);
    return { label: x.label, N: x.N, ...(tier ? { tier } : {}) };
  });
  const allocated = (rule: StrataRule): Sizing | undefined => {
    const a = allocateStrata(counts, rule);
    for (const i of a.ok ? a.warnings : a.issues) issues.push(i);
    if (!a.ok) return undefined;
    const out: Record<string, number> = {};
    for (const row of a.value.rows) out[row.key] = row.n;
    return { sizes: stratification === "none" ? (out.all ?? 0) : out, rows: a.value.rows, explanation: a.value.explanation };
  };
  if (typeof values.sizes === "string") {
    const text = values.sizes.trim();
    if (/^\d+$/.test(text)) return stratification === "none" && min === undefined ? { sizes: Number(text) } : allocated({ total: Number(text), minPerStratum: min ?? 0 });
    const out: Record<string, number> = {};
    for (const part of text.split(/[,，]/)) {
      const m = /^\s*(.+?)\s*[=＝]\s*(\d+)\s*$/.exec(part);
      // A product's label typed as its parts joined by ×, x or * (or as the JSON array itself).
      const label = m ? (m[1]!.startsWith("[") ? m[1]! : stratumLabel(m[1]!.split(/\s*[×*]\s*|(?<=^[A-D]|^untiered|^unassigned|\d{6})[xX](?=\S)/))) : undefined;
      if (!m || label === undefined || (stratification !== "none" && !s.value.isLabel(label))) {
        issues.push(createIssue("cli_bad_option", { option: "--sizes", value: text, detail: m ? { zh: `“${m[1]}”不是此分层方式（${stratification}）的分层；${SIZES_FORMS.zh}`, en: `"${m[1]}" is not a stratum of this stratification (${stratification}); ${SIZES_FORMS.en}` } : SIZES_FORMS }));
        return undefined;
      }
      out[label] = Number(m[2]);
    }
    return { sizes: out };
  }
  if (typeof values.quota !== "string") {
    issues.push(createIssue("cli_missing_argument", { argument: "--sizes / --quota" }));
    return undefined;
  }
  const quota = parseQuota(values.quota);
  if (!quota.ok) return issues.push(...quota.issues), undefined;
  issues.push(...quota.warnings);
  let policy: TierPolicy | undefined;
  if (typeof values.policy === "string") {
    const p = parseTierPolicy(values.policy);
    if (!p.ok) return issues.push(...p.issues), undefined;
    policy = p.value;
  }
  if (min !== undefined || (stratification !== "none" && stratification !== "tier")) {
    const hasTier = s.value.parts.some((x) => x.kind === "tier");
    return allocated({ quota: quota.value, minPerStratum: min ?? 0, ...(policy && hasTier ? { policy } : {}) });
  }
  // Tiers alone (or none): allocate's per-tier computation, as before (the draw-v1 vectors were sized by it).
  const strata = manifest.strata.map((x) => ({ key: x.label, size: x.N, ...(x.label.length === 1 ? { tier: x.label as "A" } : {}) }));
  const a = allocate(strata, policy ?? { rules: {} }, { base: quota.value });
  if (!a.ok) return issues.push(...a.issues), undefined;
  const out: Record<string, number> = {};
  for (const row of a.value.rows) out[row.key] = row.n;
  return { sizes: stratification === "none" ? (out.all ?? 0) : out, rows: a.value.rows };
}

const LEVEL_WORDS = {
  county: { zh: "县级行政区划", en: "county" },
  city: { zh: "地级行政区划", en: "city (prefecture)" },
  province: { zh: "省级行政区划", en: "province" },
} as const;

/**
 * A stratification in words: 按信用风险分类×县级行政区划分层 / by risk tier × county; 不分层 / unstratified. The
 * string itself is returned when it is not one of draw-v1 §4.2's.
 */
export function stratumWords(stratification: string, lang: "zh" | "en"): string {
  if (stratification === "none") return lang === "zh" ? "不分层" : "unstratified";
  const s = stratifier(stratification);
  if (!s.ok) return stratification;
  const parts = s.value.parts.map((p) =>
    p.kind === "tier" ? (lang === "zh" ? "信用风险分类" : "risk tier")
    : p.kind === "region" ? LEVEL_WORDS[p.level][lang]
    : lang === "zh" ? `“${p.name}”` : `"${p.name}"`);
  return lang === "zh" ? `按${parts.join("×")}分层` : `by ${parts.join(" × ")}`;
}

/**
 * A stratum label in words, for the department's eyes (labels are confidential): tiers by name (B类（一般风险）),
 * region codes and attribute values as they are, a product's parts joined by × (B类（一般风险）×140502).
 */
export function stratumLabelWords(stratumLabelText: string, lang: "zh" | "en"): string {
  let parts: unknown = [stratumLabelText];
  if (stratumLabelText.startsWith("[")) {
    try {
      parts = JSON.parse(stratumLabelText);
    } catch {
      parts = [stratumLabelText];
    }
  }
  if (!Array.isArray(parts)) return stratumLabelText;
  return parts.map((p) => label(STRATUM, String(p), lang)).join(lang === "zh" ? "×" : " × ");
}
