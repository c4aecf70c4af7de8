// The announcement (抽取公告, draw-v1 §5): exclusions applied, the salted manifest built, the sizes to draw fixed per
// stratum (given, or allocated from the quota and the tier policy) and the future entropy source named, before the
// entropy exists. Its digest is in digest.ts; reading one back is in _checks.ts.
import type { Announcement, EntropySource, ExclusionCounts, ExclusionRules, MatchCommitment, Stratification } from "../model/record.js";
import { PROTOCOL_VERSION, EntropySource as EntropySourceSchema, MatchCommitment as MatchCommitmentSchema } from "../model/record.js";
import { TierPolicy as TierPolicySchema, type TierPolicy } from "../model/policy.js";
import type { Quota } from "../model/quota.js";
import { allocate, type Allocation } from "../quota/allocate.js";
import { allocateStrata } from "../quota/allocateStrata.js";
import type { RiskTier } from "../model/tier.js";
import { parseWith } from "../_internal/zod.js";
import { fail, type Issue, ok, type Result, settle, unwrap } from "../result.js";
import { issue, shownValue } from "./_issue.js";
import { announcementDigest } from "./digest.js";
import type { DrawEntity } from "./pool.js";
import { type ExclusionOptions, type Manifest, type ManifestDigests, preparePool } from "./prepare.js";
import { stratifier, type StratumLabel } from "./strata.js";

/**
 * Sizes to draw: one number for an unstratified draw, or a number per stratum label (`A`–`D`, `untiered`, a region
 * code, an attribute's text, a product's JSON label from `stratumLabel([...])`; `all` when unstratified).
 * @public
 */
export type StratumSizes = number | Readonly<Partial<Record<StratumLabel, number>>>;

/**
 * Input of {@link announce}.
 * @public
 */
export interface AnnounceInput {
  readonly taskId: string;
  readonly taskName?: string;
  /** The whole pool (名录库); exclusions are applied here. Order does not matter. */
  readonly pool: readonly DrawEntity[];
  readonly stratify: Stratification;
  /** Secret salt of the manifest (keep it; verification needs it). At least 16 random characters. */
  readonly salt: string;
  /** Explicit sizes to draw per stratum. Give either `sizes` or `allocation`. */
  readonly sizes?: StratumSizes;
  /**
   * Sizes from the task's quota and the tier policy, computed by the quota area's `allocate` over the strata
   * after exclusions (keys passed to it are the stratum labels `A`–`D`, `untiered`, or `all`).
   */
  readonly allocation?: AllocationInput;
  /** A tier policy: tiers whose rule is `exempt` are excluded (reason `tier_exempt`). Defaults to `allocation.policy`. */
  readonly policy?: TierPolicy;
  readonly exclusions?: ExclusionOptions;
  /** The named *future* entropy source. */
  readonly entropySource: EntropySource;
  /**
   * The commitment to the second random (match-v1 §8.1) from the match area's `matchCommitment`: the inspector
   * pools and matching rules are then fixed before the entropy exists, like the entity pool.
   */
  readonly match?: MatchCommitment;
}

/**
 * How {@link announce} asks the quota area for sizes. For `none` and `tier` with a policy and no `minPerStratum`: the
 * quota area's `allocate` (`base` quota, or a `total` with `minimums`/`caps` keyed by stratum label). Otherwise (region,
 * attribute, products, or a `minPerStratum`): `allocateStrata`, the total from `base` (or `total`) with at least
 * `minPerStratum` per stratum, each tier first sized by `policy` when a part is `tier`.
 * @public
 */
export interface AllocationInput {
  readonly policy?: TierPolicy;
  readonly base?: Quota;
  readonly total?: number;
  /** At least this many per stratum (每个县（市、区）不少于3户); a smaller stratum is taken whole. */
  readonly minPerStratum?: number;
  readonly minimums?: Readonly<Partial<Record<StratumLabel, number>>>;
  readonly caps?: Readonly<Partial<Record<StratumLabel, number>>>;
}

/**
 * What {@link announce} returns: the announcement to publish, and the confidential manifest (with each
 * stratum's tier label and ids) that the department keeps.
 * @public
 */
export interface AnnounceResult {
  readonly announcement: Announcement;
  readonly manifest: Manifest;
  /** The allocation rows (with their explanations, keyed by stratum label) when sizes came from a quota. Confidential. */
  readonly allocation?: Allocation;
}

function exemptTiersOf(policy: TierPolicy | undefined, extra: readonly RiskTier[] | undefined): RiskTier[] {
  const out = new Set<RiskTier>(extra ?? []);
  if (policy) for (const t of ["A", "B", "C", "D"] as const) if (policy.rules[t]?.kind === "exempt") out.add(t);
  return [...out];
}

/** Sizes per stratum of the manifest, or issues. @internal */
export function resolveSizes(manifest: ManifestDigests, sizes: StratumSizes): { n: number[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const given: Partial<Record<StratumLabel, number>> = typeof sizes === "number" ? { all: sizes } : { ...sizes };
  if (typeof sizes === "number" && manifest.stratification !== "none") issues.push(issue("invalid_argument", { detail: "a stratified draw needs a size per stratum label" }));
  const n = manifest.strata.map((s) => {
    const v = given[s.label];
    if (v === undefined) {
      issues.push(issue("size_missing", { stratum: s.key, label: s.label }));
      return 0;
    }
    if (!Number.isSafeInteger(v) || v < 0) issues.push(issue("invalid_argument", { detail: `size for ${s.label} must be an integer ≥ 0, got ${shownValue(v)}` }));
    else if (v > s.N) issues.push(issue("sample_too_large", { stratum: `${s.key} (${s.label})`, count: v, total: s.N }));
    return v;
  });
  const labels = new Set(manifest.strata.map((s) => s.label));
  for (const [label, v] of Object.entries(given)) {
    if (!labels.has(label as StratumLabel) && v !== 0) issues.push(issue("size_unknown_stratum", { label }));
  }
  return { n, issues };
}

/**
 * Prepares what a department publishes *before* the randomness exists (抽取公告, draw-v1 §5): applies the
 * exclusions, builds the salted manifest, fixes the sizes to draw per stratum and names the future entropy
 * source. Nothing in it depends on the entropy, so nobody can steer the draw once it is published.
 *
 * @returns the announcement and the confidential manifest; issues of {@link buildManifest} and of the quota
 * area's `allocate` or `allocateStrata` (`allocation_*`), `size_missing`,
 * `size_unknown_stratum`, `sample_too_large`, `invalid_argument`, `empty_pool`, schema issues of the entropy
 * source; warning `salt_short`.
 * @example
 * ```ts
 * const r = announce({ taskId: "T1", pool: [{ id: "E1" }, { id: "E2" }], stratify: "none", salt: "0123456789abcdef",
 *   sizes: 1, entropySource: { kind: "dice", description: "2023-06-01 10:00 公开掷骰" } });
 * r.ok && r.value.announcement.strata.map((s) => [s.key, s.N, s.n])
 * //=> [["all", 2, 1]]
 * ```
 * @public
 */
export function announce(input: AnnounceInput): Result<AnnounceResult> {
  const head = announceHead(input);
  if (!head.ok) return head;
  const { prepared, issues } = preparePool(input.pool, input.stratify, input.salt, head.value.exclusions);
  return announceTail(input, head.value, prepared, issues);
}

/** What {@link announceHead} checked before the pool is read. @internal */
export interface AnnounceHead {
  readonly issues: readonly Issue[];
  readonly source?: EntropySource | undefined;
  readonly match?: MatchCommitment | undefined;
  /** The exclusions to apply (a policy's exempt tiers added). */
  readonly exclusions: ExclusionOptions;
}

/** The checks of {@link announce} that need no pool. Fails only on a missing input object. @internal */
export function announceHead(input: Omit<AnnounceInput, "pool">): Result<AnnounceHead> {
  if (typeof input !== "object" || input === null) return fail([issue("invalid_argument", { detail: "announce needs an input object" })]);
  const issues: Issue[] = [];
  if (typeof input.taskId !== "string" || input.taskId.length === 0) issues.push(issue("invalid_argument", { detail: "taskId must be a non-empty string" }));
  const source = parseWith(EntropySourceSchema, input.entropySource, { path: ["entropySource"] });
  if (!source.ok) issues.push(...source.issues);
  const match = input.match === undefined ? undefined : parseWith(MatchCommitmentSchema, input.match, { path: ["match"] });
  if (match && !match.ok) issues.push(...match.issues);
  if ((input.sizes === undefined) === (input.allocation === undefined)) issues.push(issue("invalid_argument", { detail: "give either sizes or allocation" }));
  let policy: TierPolicy | undefined;
  const policyInput = input.policy ?? (typeof input.allocation === "object" && input.allocation !== null ? input.allocation.policy : undefined);
  if (policyInput !== undefined) {
    const p = parseWith(TierPolicySchema, policyInput, { path: ["policy"] });
    if (p.ok) policy = p.value;
    else issues.push(...p.issues);
  }
  const given = input.exclusions;
  const exclusions: ExclusionOptions =
    typeof given !== "object" || given === null
      ? (given ?? { exemptTiers: exemptTiersOf(policy, undefined) }) as ExclusionOptions
      : given.exemptTiers !== undefined && !Array.isArray(given.exemptTiers)
        ? given // resolveRules reports the malformed field
        : { ...given, exemptTiers: exemptTiersOf(policy, given.exemptTiers) };
  return ok({ issues, source: source.ok ? source.value : undefined, match: match?.ok ? match.value : undefined, exclusions });
}

/**
 * The rest of {@link announce} once the pool side is known (rebuilt in memory, or from a pool source): sizes and
 * the announcement. Generic in the manifest so the in-memory path keeps its ids.
 * @internal
 */
export function announceTail<M extends ManifestDigests>(
  input: Omit<AnnounceInput, "pool">,
  head: AnnounceHead,
  prepared: { readonly manifest: M; readonly counts: ExclusionCounts; readonly rules: ExclusionRules } | undefined,
  poolIssues: readonly Issue[],
): Result<{ announcement: Announcement; manifest: M; allocation?: Allocation }> {
  const issues: Issue[] = [...head.issues, ...poolIssues];
  const source = head.source;
  if (!prepared || !source || issues.some((i) => i.severity === "error")) return fail(issues);
  const { manifest } = prepared;
  if (manifest.strata.length === 0) return fail([...issues, issue("empty_pool", {}, { severity: "error" })]);
  let sizes = input.sizes;
  let allocation: Allocation | undefined;
  if (input.allocation) {
    const { policy: p, base, total, minimums, caps, minPerStratum } = input.allocation;
    const byTier = p !== undefined && minPerStratum === undefined && (manifest.stratification === "none" || manifest.stratification === "tier");
    let allocated: Result<Allocation>;
    if (byTier) {
      const strata = manifest.strata.map((s) => ({ key: s.label, size: s.N, ...(s.label === "all" || s.label === "untiered" ? {} : { tier: s.label as RiskTier }) }));
      allocated = allocate(strata, p, { ...(base ? { base } : {}), ...(total !== undefined ? { total } : {}), ...(minimums ? { minimums: minimums as Record<string, number> } : {}), ...(caps ? { caps: caps as Record<string, number> } : {}) });
    } else if (minimums !== undefined || caps !== undefined) {
      allocated = fail([issue("invalid_argument", { detail: "allocation.minimums and caps need a tier policy and the none or tier stratification; use minPerStratum" })]);
    } else {
      const strata = unwrap(stratifier(manifest.stratification));
      const counts = manifest.strata.map((s) => ({ label: s.label, N: s.N, ...(p !== undefined && strata.tierOf(s.label) !== undefined ? { tier: strata.tierOf(s.label) } : {}) }));
      const withPolicy = p !== undefined && strata.parts.some((part) => part.kind === "tier");
      allocated = allocateStrata(counts, { ...(base ? { quota: base } : {}), ...(total !== undefined ? { total } : {}), ...(minPerStratum !== undefined ? { minPerStratum } : {}), ...(withPolicy ? { policy: p } : {}) });
    }
    if (!allocated.ok) return fail([...issues, ...allocated.issues]);
    issues.push(...allocated.warnings);
    allocation = allocated.value;
    sizes = Object.fromEntries(allocated.value.rows.map((r) => [r.key, r.n]));
  }
  const sized = resolveSizes(manifest, sizes ?? {});
  issues.push(...sized.issues);
  const body: Omit<Announcement, "digest"> = {
    protocol: PROTOCOL_VERSION,
    taskId: input.taskId,
    ...(input.taskName !== undefined ? { taskName: input.taskName } : {}),
    stratification: manifest.stratification,
    manifestDigest: manifest.digest,
    strata: manifest.strata.map((s, k) => ({ key: s.key, N: s.N, n: sized.n[k] as number, digest: s.digest })),
    exclusions: { rules: prepared.rules, counts: prepared.counts },
    entropySource: source,
    ...(head.match ? { match: head.match } : {}),
  };
  const announcement: Announcement = { ...body, digest: announcementDigest(body) };
  return settle(allocation ? { announcement, manifest, allocation } : { announcement, manifest }, issues);
}
