import * as z from "zod/mini";
import { STRATIFICATION_PATTERN, stratificationProblem } from "../draw/strata.js";

/**
 * Version of the draw protocol implemented by this library (see docs/spec/draw-v1.md). Every announcement
 * and every record names it; a verifier refuses a version it does not implement.
 * @example
 * ```ts
 * PROTOCOL_VERSION
 * //=> "double-random/draw-v1"
 * ```
 * @public
 */
export const PROTOCOL_VERSION = "double-random/draw-v1";

/**
 * Version of this library, written into every {@link DrawRecord} (informative: verification depends on the
 * protocol version only).
 * @example
 * ```ts
 * LIBRARY_VERSION
 * //=> "double-random@0.1.0"
 * ```
 * @public
 */
export const LIBRARY_VERSION = "double-random@0.1.0";

const Hex256 = z.string().check(z.regex(/^[0-9a-f]{64}$/), z.describe("SHA-256, 64 lower-case hex digits"));
const Count = z.int().check(z.minimum(0));

/**
 * How a pool is split into strata (draw-v1 §4.2): `none` (one stratum, key `all`, drawn with the seed itself), `tier`
 * (credit-risk tier), `region:province|city|county` (行政区划代码 cut to 2, 4 or 6 digits), `attribute:<name>` (a
 * column such as 行业), or a product of parts joined by `×` (U+00D7), e.g. `tier×region:county`. Every stratum has an
 * opaque salted key, so no record names a tier or a region. A kind appears once (two different attributes may).
 * @example
 * ```ts
 * ["tier×region:county", "region:town", "tier×tier"].map((s) => Stratification.safeParse(s).success)
 * //=> [true, false, false]
 * ```
 * @public
 */
export const Stratification = z
  .string()
  .check(
    z.regex(new RegExp(STRATIFICATION_PATTERN, "u")),
    z.refine((s) => stratificationProblem(s) === undefined, { message: "a kind of part appears twice" }),
  )
  .register(z.globalRegistry, { id: "Stratification", description: "分层方式" });
/** A parsed {@link Stratification} (the schema's output type): the stratification string. @public */
export type Stratification = z.infer<typeof Stratification>;

/**
 * Why an entity was left out of the manifest before the draw (counted in the announcement):
 * `inactive` (not 存续: 注销, 吊销, 迁出, 停业…), `tier_exempt` (its tier is exempt by the policy, e.g. A 无事不扰),
 * `drawn_earlier` (drawn in an earlier batch of the year), `recently_inspected` (inspected for the same item
 * within the configured period). An entity with several reasons counts once, under the first in this order.
 * @example
 * ```ts
 * ExclusionReason.options
 * //=> ["inactive", "tier_exempt", "drawn_earlier", "recently_inspected"]
 * ```
 * @public
 */
export const ExclusionReason = z.enum(["inactive", "tier_exempt", "drawn_earlier", "recently_inspected"]).register(z.globalRegistry, { id: "ExclusionReason" });
/** A parsed {@link ExclusionReason} (the schema's output type). @public */
export type ExclusionReason = z.infer<typeof ExclusionReason>;

/**
 * Exclusion counts, one per {@link ExclusionReason}.
 * @example
 * ```ts
 * ExclusionCounts.safeParse({ inactive: 1, tier_exempt: 0, drawn_earlier: 0, recently_inspected: 2 }).success
 * //=> true
 * ```
 * @public
 */
export const ExclusionCounts = z
  .strictObject({ inactive: Count, tier_exempt: Count, drawn_earlier: Count, recently_inspected: Count })
  .register(z.globalRegistry, { id: "ExclusionCounts" });
/** A parsed {@link ExclusionCounts} (the schema's output type). @public */
export type ExclusionCounts = z.infer<typeof ExclusionCounts>;

/**
 * The exclusion rules a draw applied, as published (so anyone holding the pool can re-apply them).
 * `recentInspection.withoutItem: true` (written by every announcement since issue 15) counts an inspection that names
 * no item (as a pool table's 上次检查日期 gives) for the rule's item; without it only inspections of that item count.
 * `drawnEarlier` commits to the ids drawn in earlier batches: their count and the SHA-256 of the ids in code
 * point order, each followed by "\n".
 * @example
 * ```ts
 * ExclusionRules.safeParse({ exemptTiers: ["A"], recentInspection: null, drawnEarlier: null }).success
 * //=> true
 * ```
 * @public
 */
export const ExclusionRules = z
  .strictObject({
    exemptTiers: z.array(z.enum(["A", "B", "C", "D"])),
    recentInspection: z.nullable(
      z.strictObject({
        itemId: z.string().check(z.minLength(1)),
        asOf: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
        withinDays: z.int().check(z.minimum(1)),
        // draw-v1 §4.1: an inspection that names no item (a pool table's 上次检查日期) counts too; absent in older announcements.
        withoutItem: z.optional(z.literal(true)),
      }),
    ),
    drawnEarlier: z.nullable(z.strictObject({ count: Count, digest: Hex256 })),
  })
  .register(z.globalRegistry, { id: "ExclusionRules" });
/** A parsed {@link ExclusionRules} (the schema's output type). @public */
export type ExclusionRules = z.infer<typeof ExclusionRules>;

/**
 * The named *future* entropy source, fixed in the announcement before the randomness exists:
 * a public lottery draw, dice rolled in public, a randomness-beacon round, or commit–reveal commitments.
 * Its shape is fixed too when given: `numbers` (how many numbers each lottery source draws, in order) and `digits`
 * (how many dice digits), so nobody can add or leave out a number once it is known.
 * @example
 * ```ts
 * EntropySource.safeParse({ kind: "beacon", description: "drand" }).success
 * //=> false
 * ```
 * @public
 */
export const EntropySource = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("lottery"),
      description: z.string().check(z.minLength(1)),
      // The entropy's shape (draw-v1 §6.1): how many numbers each source draws, in announced order.
      numbers: z.optional(z.array(z.int().check(z.minimum(1))).check(z.minLength(1))),
    }),
    z.strictObject({ kind: z.literal("dice"), description: z.string().check(z.minLength(1)), digits: z.optional(z.int().check(z.minimum(1))) }),
    z.strictObject({ kind: z.literal("beacon"), description: z.string().check(z.minLength(1)), round: z.int().check(z.minimum(0)) }),
    z.strictObject({ kind: z.literal("commitReveal"), description: z.string().check(z.minLength(1)), commitments: z.array(Hex256).check(z.minLength(1)) }),
  ])
  .register(z.globalRegistry, { id: "EntropySource", description: "事先公布的未来随机源" });
/** A parsed {@link EntropySource} (the schema's output type). @public */
export type EntropySource = z.infer<typeof EntropySource>;

/**
 * Entropy once it exists, in canonical form: `value` is the exact string the seed is derived from
 * (`lottery:…`, `dice:…`, `beacon:<round>:<hex>`, `reveal:…`).
 * @example
 * ```ts
 * Entropy.parse({ kind: "dice", value: "dice:31415926535897932384" }).kind
 * //=> "dice"
 * ```
 * @public
 */
export const Entropy = z
  .strictObject({
    kind: z.enum(["lottery", "dice", "beacon", "commitReveal"]),
    value: z.string().check(z.minLength(1)),
  })
  .register(z.globalRegistry, { id: "Entropy", description: "随机源取值（规范化）" });
/** A parsed {@link Entropy} (the schema's output type). @public */
export type Entropy = z.infer<typeof Entropy>;

/**
 * One stratum as announced: its key, its size N after exclusions, the number n to draw, and its salted digest.
 * @example
 * ```ts
 * AnnouncedStratum.safeParse({ key: "all", N: 10, n: 3, digest: "a".repeat(64) }).success
 * //=> true
 * ```
 * @public
 */
export const AnnouncedStratum = z
  .strictObject({ key: z.string().check(z.minLength(1)), N: Count, n: Count, digest: Hex256 })
  .register(z.globalRegistry, { id: "AnnouncedStratum" });
/** A parsed {@link AnnouncedStratum} (the schema's output type). @public */
export type AnnouncedStratum = z.infer<typeof AnnouncedStratum>;

/**
 * The commitment to the second random (match-v1 §8.1), carried by an announcement: digests of the normalized
 * matching rules and of the inspector and expert pools, and optionally (`entities`) the salted digest of the entity
 * attributes matching reads (region code, past inspections). Compute it with `matchCommitment`.
 * @example
 * ```ts
 * MatchCommitment.safeParse({ protocol: "double-random/match-v1", rules: "a".repeat(64), inspectors: "b".repeat(64) }).success
 * //=> true
 * ```
 * @public
 */
export const MatchCommitment = z
  .strictObject({
    protocol: z.literal("double-random/match-v1"),
    rules: Hex256,
    inspectors: Hex256,
    entities: z.optional(Hex256),
  })
  .register(z.globalRegistry, { id: "MatchCommitment", description: "选派执法检查人员的事先承诺（规则与名录库摘要）" });
/** A parsed {@link MatchCommitment} (the schema's output type). @public */
export type MatchCommitment = z.infer<typeof MatchCommitment>;

/**
 * What a department publishes *before* the entropy exists (抽取公告). `digest` is SHA-256 over the canonical
 * JSON of every other field (docs/spec/draw-v1.md §5).
 * @example
 * ```ts
 * Announcement.safeParse({ protocol: "double-random/draw-v1", taskId: "T1" }).success
 * //=> false
 * ```
 * @public
 */
export const Announcement = z
  .strictObject({
    protocol: z.literal(PROTOCOL_VERSION),
    taskId: z.string().check(z.minLength(1)),
    taskName: z.optional(z.string()),
    stratification: Stratification,
    manifestDigest: Hex256,
    strata: z.array(AnnouncedStratum),
    exclusions: z.strictObject({ rules: ExclusionRules, counts: ExclusionCounts }),
    entropySource: EntropySource,
    match: z.optional(MatchCommitment),
    digest: Hex256,
  })
  .register(z.globalRegistry, { id: "Announcement", description: "抽取公告（先于随机源公布）" });
/** A parsed {@link Announcement} (the schema's output type). @public */
export type Announcement = z.infer<typeof Announcement>;

/**
 * One drawn entity: its id, its stratum key, the stream counter i and H_i (hex) it came from, and its 1-based
 * index in the stratum's canonical order. `counter` and `hash` are null when the whole stratum is taken (n = N).
 * @example
 * ```ts
 * Selection.safeParse({ id: "E1", stratum: "all", counter: null, hash: null, index: 1 }).success
 * //=> true
 * ```
 * @public
 */
export const Selection = z
  .strictObject({
    id: z.string().check(z.minLength(1)),
    stratum: z.string().check(z.minLength(1)),
    counter: z.nullable(z.int().check(z.minimum(1))),
    hash: z.nullable(Hex256),
    index: z.int().check(z.minimum(1)),
  })
  .register(z.globalRegistry, { id: "Selection" });
/** A parsed {@link Selection} (the schema's output type). @public */
export type Selection = z.infer<typeof Selection>;

/**
 * A replacement draw (补抽): the entity it replaces, why (a reason from the closed list `REPLACEMENT_REASONS`), who
 * decided and when, an optional note, the next pick of the same stratum stream, and `prev`, the digest of the entry
 * before it, so the replacements form an append-only chain whose head the record publishes (draw-v1 §7.2).
 * @example
 * ```ts
 * Replacement.safeParse({ replaces: "E1", reason: "已注销", id: "E2", stratum: "all", counter: 4, hash: "a".repeat(64), index: 2 }).success
 * //=> true
 * ```
 * @public
 */
export const Replacement = z
  .strictObject({
    replaces: z.string().check(z.minLength(1)),
    reason: z.string().check(z.minLength(1)),
    id: z.string().check(z.minLength(1)),
    stratum: z.string().check(z.minLength(1)),
    counter: z.int().check(z.minimum(1)),
    hash: Hex256,
    index: z.int().check(z.minimum(1)),
    // Who decided and when, free text, and the digest of the entry before (draw-v1 §7.2); absent in older records.
    decision: z.optional(z.strictObject({ by: z.string().check(z.minLength(1)), date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)) })),
    note: z.optional(z.string()),
    prev: z.optional(Hex256),
  })
  .register(z.globalRegistry, { id: "Replacement" });
/** A parsed {@link Replacement} (the schema's output type). @public */
export type Replacement = z.infer<typeof Replacement>;

/**
 * A stratum as drawn: the announced figures plus its stream seed (`${seed}/${key}`, or the seed itself
 * when the draw is unstratified).
 * @example
 * ```ts
 * DrawnStratum.safeParse({ key: "all", N: 10, n: 3, digest: "a".repeat(64), seed: "s" }).success
 * //=> true
 * ```
 * @public
 */
export const DrawnStratum = z
  .strictObject({ key: z.string().check(z.minLength(1)), N: Count, n: Count, digest: Hex256, seed: z.string().check(z.minLength(1)) })
  .register(z.globalRegistry, { id: "DrawnStratum" });
/** A parsed {@link DrawnStratum} (the schema's output type). @public */
export type DrawnStratum = z.infer<typeof DrawnStratum>;

/**
 * A published draw record (抽取记录), versioned. It carries everything needed to re-check the draw given the
 * pool and the salt, and no entity's tier: strata have opaque keys. Field names are stable within draw-v1.
 * An optional `match` section (inspector matching, match-v1) may ride along; draw verification ignores it.
 * @example
 * ```ts
 * DrawRecord.safeParse({ protocol: "double-random/draw-v1" }).success
 * //=> false
 * ```
 * @public
 */
export const DrawRecord = z
  .strictObject({
    protocol: z.literal(PROTOCOL_VERSION),
    library: z.string(),
    taskId: z.string().check(z.minLength(1)),
    announcement: Announcement,
    entropy: Entropy,
    seed: Hex256.check(z.describe("派生种子")),
    manifestDigest: Hex256,
    strata: z.array(DrawnStratum),
    selections: z.array(Selection),
    replacements: z.array(Replacement),
    replacementsHead: z.optional(Hex256.check(z.describe("补抽记录链头（draw-v1 §7.2）"))),
    exclusions: ExclusionCounts,
    match: z.optional(z.unknown()).check(z.describe("选派执法检查人员部分（match-v1），不属于抽取校验范围")),
  })
  .register(z.globalRegistry, { id: "DrawRecord", description: "抽取记录" });
/** A parsed {@link DrawRecord} (the schema's output type). @public */
export type DrawRecord = z.output<typeof DrawRecord>;
