// Entropy and its kinds (draw-v1 §6.1): the one table of the four kinds — each one's value prefix, the function that
// makes a canonical value from what was observed, and the check of a value against the source the announcement
// named — and the check the draw and the verifier run (kind, prefix, then the kind's own check).
import type { Announcement, Entropy, EntropySource } from "../model/record.js";
import { fail, type Issue, type Message, ok, type Result, settle } from "../result.js";
import { throwWrongCall } from "../_internal/argument.js";
import { issue, shownValue } from "./_issue.js";
import { sha256Hex } from "./digest.js";
import { loneSurrogateAt } from "./order.js";

type EntropyKind = EntropySource["kind"];

/** One entropy kind of draw-v1 §6.1. @internal */
export interface EntropyKindSpec<K extends EntropyKind> {
  /** What every canonical value of the kind starts with. */
  readonly prefix: string;
  /** The kind in words, for messages that name it. */
  readonly words: Message;
  /** Makes the canonical value from what was observed (the public constructor of the kind). */
  readonly make: (...args: never[]) => Result<Entropy>;
  /**
   * What a value (of this kind, with its prefix) must satisfy against the announced source: beacon round,
   * commitments, the shape the announcement fixed.
   */
  readonly check: (source: Extract<EntropySource, { kind: K }>, entropy: Entropy) => Issue[];
}

/**
 * The entropy kinds (draw-v1 §6.1), one row each: prefix, words, maker and check.
 * @internal
 */
export const ENTROPY_KINDS: { readonly [K in EntropyKind]: EntropyKindSpec<K> } = {
  lottery: { prefix: "lottery:", words: { zh: "彩票开奖号码", en: "lottery draw" }, make: lotteryEntropy, check: lotteryShapeIssues },
  dice: { prefix: "dice:", words: { zh: "公开掷骰", en: "public dice" }, make: diceEntropy, check: diceShapeIssues },
  beacon: { prefix: "beacon:", words: { zh: "随机信标", en: "randomness beacon" }, make: beaconEntropy, check: beaconRoundIssues },
  commitReveal: { prefix: "reveal:", words: { zh: "承诺—揭示", en: "commit–reveal" }, make: revealEntropy, check: commitmentIssues },
};

/**
 * One public lottery's numbers, e.g. 双色球 red balls.
 * @public
 */
export interface LotterySource {
  /** Informative name (not part of the canonical value). */
  readonly name?: string;
  /** Non-negative integers as drawn; sorted ascending in the canonical form. */
  readonly numbers: readonly number[];
}

/**
 * Public lottery numbers canonicalised RFC 3797-style: each source's numbers sorted ascending, each written in
 * decimal followed by ".", each source ended by "/", sources in the announced order; value `lottery:` + that.
 *
 * @returns the entropy; issue `entropy_invalid` (no source, an empty source, a number that is not a
 * non-negative safe integer).
 * @example
 * ```ts
 * lotteryEntropy([{ numbers: [26, 9, 18] }, { numbers: [12, 2] }])
 * //=> { ok: true, value: { kind: "lottery", value: "lottery:9.18.26./2.12./" }, warnings: [] }
 * ```
 * @public
 */
export function lotteryEntropy(sources: readonly LotterySource[]): Result<Entropy> {
  if (!Array.isArray(sources) || sources.length === 0) return fail([issue("entropy_invalid", { detail: { zh: "没有彩票开奖号码", en: "no lottery source" } })]);
  let text = "";
  for (const [k, s] of sources.entries()) {
    const numbers = s?.numbers;
    if (!Array.isArray(numbers) || numbers.length === 0) return fail([issue("entropy_invalid", { detail: { zh: `第${k + 1}组开奖号码为空`, en: `source ${k + 1} has no numbers` } })]);
    for (const n of numbers) {
      if (!Number.isSafeInteger(n) || n < 0) return fail([issue("entropy_invalid", { detail: { zh: `第${k + 1}组：${shownValue(n)}不是非负整数`, en: `source ${k + 1}: ${shownValue(n)} is not a non-negative integer` } })]);
    }
    text += `${[...numbers].sort((a, b) => a - b).join(".")}./`;
  }
  return ok({ kind: "lottery", value: `${ENTROPY_KINDS.lottery.prefix}${text}` });
}

const MIN_DICE = 20;

/**
 * Digits of dice rolled in public (0–9, e.g. ten-sided dice), in the order rolled; value `dice:` + digits.
 *
 * @returns the entropy; issue `entropy_invalid` (not only digits); warning `entropy_weak` below 20 digits.
 * @example
 * ```ts
 * diceEntropy("31415926535897932384").ok
 * //=> true
 * ```
 * @public
 */
export function diceEntropy(digits: string): Result<Entropy> {
  if (typeof digits !== "string" || !/^[0-9]+$/.test(digits)) return fail([issue("entropy_invalid", { detail: { zh: "掷骰结果只能是数字0–9", en: "dice digits must be 0-9 only" } })]);
  const warnings: Issue[] = digits.length < MIN_DICE ? [issue("entropy_weak", { digits: digits.length, kind: { zh: "掷骰", en: "dice" }, minimum: MIN_DICE })] : [];
  return ok({ kind: "dice", value: `${ENTROPY_KINDS.dice.prefix}${digits}` }, warnings);
}

/**
 * A randomness-beacon output (e.g. a drand or NIST beacon round): value `beacon:<round>:<hex, lower case>`.
 *
 * @returns the entropy; issue `entropy_invalid` (round not a non-negative integer, value not hex or shorter
 * than 32 hex digits).
 * @throws {@link DoubleRandomError} (`invalid_argument`) when `input` is not an object (a wrong call).
 * @example
 * ```ts
 * beaconEntropy({ round: 42, value: "AB".repeat(32) }).ok && beaconEntropy({ round: 42, value: "AB".repeat(32) }).value.value.slice(0, 14)
 * //=> "beacon:42:abab"
 * ```
 * @public
 */
export function beaconEntropy(input: { readonly round: number; readonly value: string }): Result<Entropy> {
  if (typeof input !== "object" || input === null) throwWrongCall("beaconEntropy", { zh: "参数应为 { round, value } 对象", en: "expects { round, value }" });
  const { round, value } = input;
  if (!Number.isSafeInteger(round) || round < 0) return fail([issue("entropy_invalid", { detail: { zh: "信标轮次应为非负整数", en: "beacon round must be a non-negative integer" } })]);
  if (typeof value !== "string" || !/^[0-9a-fA-F]{32,}$/.test(value)) return fail([issue("entropy_invalid", { detail: { zh: "信标输出值应为至少32位十六进制数字", en: "beacon value must be at least 32 hex digits" } })]);
  return ok({ kind: "beacon", value: `${ENTROPY_KINDS.beacon.prefix}${round}:${value.toLowerCase()}` });
}

/**
 * The commitment to publish before a commit–reveal draw: SHA-256 hex of the UTF-8 secret.
 * @returns the commitment; issue `seed_lone_surrogate` for a malformed secret, `entropy_invalid` when empty or
 * when it contains "/" (which {@link revealEntropy} would refuse, so the draw could never complete).
 * @example
 * ```ts
 * commitSecret("abc")
 * //=> { ok: true, value: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", warnings: [] }
 * ```
 * @public
 */
export function commitSecret(secret: string): Result<string> {
  if (typeof secret !== "string" || secret.length === 0) return fail([issue("entropy_invalid", { detail: { zh: "秘密值为空", en: "empty secret" } })]);
  const at = loneSurrogateAt(secret);
  if (at >= 0) return fail([issue("seed_lone_surrogate", { path: "secret", position: at })]);
  // "/" ends each secret in the revealed value (draw-v1 §6.1): a commitment to one could never be revealed.
  if (secret.includes("/")) return fail([issue("entropy_invalid", { detail: { zh: "秘密值不能含“/”", en: 'a secret must not contain "/"' } })]);
  return ok(sha256Hex(secret));
}

const MIN_SECRET = 16;

/**
 * Reveals commit–reveal secrets against the published commitments (same order): value `reveal:` + each
 * secret followed by "/" (so a secret cannot contain "/").
 *
 * @returns the entropy; issues `commitment_mismatch` (naming the position), `entropy_invalid` (counts
 * differ); warning `entropy_weak` for a secret under 16 characters.
 * @example
 * ```ts
 * revealEntropy(["ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"], ["abc"]).ok
 * //=> true
 * ```
 * @public
 */
export function revealEntropy(commitments: readonly string[], secrets: readonly string[]): Result<Entropy> {
  if (!Array.isArray(commitments) || !Array.isArray(secrets) || commitments.length === 0 || commitments.length !== secrets.length) {
    return fail([issue("entropy_invalid", { detail: { zh: "每个公布的承诺须揭示一个秘密值", en: "one secret per published commitment is needed" } })]);
  }
  const issues: Issue[] = [];
  let text = "";
  secrets.forEach((secret, k) => {
    const c = commitSecret(secret);
    if (typeof secret === "string" && secret.includes("/")) issues.push(issue("entropy_invalid", { detail: { zh: `第${k + 1}个秘密值含“/”`, en: `secret ${k + 1} contains "/"` } }));
    else if (!c.ok) issues.push(...c.issues);
    else if (c.value !== shownValue(commitments[k]).toLowerCase()) issues.push(issue("commitment_mismatch", { position: k + 1, commitment: shownValue(commitments[k]) }));
    else if (secret.length < MIN_SECRET) issues.push(issue("entropy_weak", { digits: secret.length, kind: { zh: "秘密值", en: "secret" }, minimum: MIN_SECRET }));
    text += `${secret}/`;
  });
  return settle({ kind: "commitReveal", value: `${ENTROPY_KINDS.commitReveal.prefix}${text}` }, issues);
}

/**
 * Issues when the entropy is not what the announcement named (draw-v1 §6.1, §8.2 step 3): its kind, its prefix, then
 * the kind's own check of {@link ENTROPY_KINDS} (beacon round, commitments, the announced shape).
 * @internal
 */
export function entropyIssues(announcement: Announcement, entropy: Entropy): Issue[] {
  const src = announcement.entropySource;
  if (entropy.kind !== src.kind) return [issue("entropy_source_mismatch", { expected: ENTROPY_KINDS[src.kind].words, found: ENTROPY_KINDS[entropy.kind].words })];
  const { prefix, check } = ENTROPY_KINDS[src.kind] as EntropyKindSpec<typeof src.kind>;
  if (!entropy.value.startsWith(prefix)) return [issue("entropy_invalid", { detail: { zh: `取值应以“${prefix}”开头`, en: `value must start with "${prefix}"` } })];
  return check(src, entropy);
}

/**
 * Whether the entropy has the shape its announced source fixed (draw-v1 §6.1): for a lottery with `numbers`, as many
 * sources as announced, each with the announced count of numbers; for dice with `digits`, exactly that many digits.
 * A source that fixes no shape (announced before it could) gives no issue.
 * @returns `entropy_invalid` naming the difference, or nothing.
 * @internal
 */
export function entropyShapeIssues(source: EntropySource, entropy: Entropy): Issue[] {
  if (source.kind === "lottery") return lotteryShapeIssues(source, entropy);
  if (source.kind === "dice") return diceShapeIssues(source, entropy);
  return [];
}

function lotteryShapeIssues(source: Extract<EntropySource, { kind: "lottery" }>, entropy: Entropy): Issue[] {
  const prefix = ENTROPY_KINDS.lottery.prefix;
  if (source.numbers === undefined || !entropy.value.startsWith(prefix)) return [];
  const parts = entropy.value.slice(prefix.length).split("/");
  parts.pop();
  const counts = parts.map((p) => p.split(".").length - 1);
  if (counts.length !== source.numbers.length || counts.some((c, k) => c !== source.numbers![k])) {
    return [issue("entropy_invalid", { detail: { zh: `公告规定开奖号码为${source.numbers.join("+")}个，随机源为${counts.join("+") || "0"}个`, en: `the announcement fixes ${source.numbers.join("+")} lottery numbers, the entropy has ${counts.join("+") || "none"}` } })];
  }
  return [];
}

function diceShapeIssues(source: Extract<EntropySource, { kind: "dice" }>, entropy: Entropy): Issue[] {
  const prefix = ENTROPY_KINDS.dice.prefix;
  if (source.digits === undefined || !entropy.value.startsWith(prefix)) return [];
  const n = entropy.value.length - prefix.length;
  return n === source.digits ? [] : [issue("entropy_invalid", { detail: { zh: `公告规定掷骰${source.digits}位，随机源为${n}位`, en: `the announcement fixes ${source.digits} dice digits, the entropy has ${n}` } })];
}

// The round in the value must be the announced one.
function beaconRoundIssues(source: Extract<EntropySource, { kind: "beacon" }>, entropy: Entropy): Issue[] {
  const round = entropy.value.split(":")[1];
  if (round === String(source.round)) return [];
  return [issue("entropy_source_mismatch", { expected: { zh: `信标第${source.round}轮`, en: `beacon round ${source.round}` }, found: { zh: `第${round ?? "?"}轮`, en: `round ${round ?? "?"}` } })];
}

// One revealed secret per published commitment, each hashing to it.
function commitmentIssues(source: Extract<EntropySource, { kind: "commitReveal" }>, entropy: Entropy): Issue[] {
  const secrets = entropy.value.slice(ENTROPY_KINDS.commitReveal.prefix.length).split("/");
  secrets.pop();
  if (secrets.length !== source.commitments.length) return [issue("entropy_invalid", { detail: { zh: "每个公布的承诺须揭示一个秘密值", en: "one secret per published commitment is needed" } })];
  const issues: Issue[] = [];
  secrets.forEach((s, k) => {
    if (sha256Hex(s) !== source.commitments[k]) issues.push(issue("commitment_mismatch", { position: k + 1, commitment: source.commitments[k] as string }));
  });
  return issues;
}
