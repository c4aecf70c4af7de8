import type { ConflictReason, Entity, EntityInput, InspectorInput } from "../model/index.js";

/**
 * Version of the matching protocol (docs/spec/match-v1.md), written into every {@link MatchSection}.
 * @example
 * ```ts
 * MATCH_PROTOCOL_VERSION
 * //=> "double-random/match-v1"
 * ```
 * @public
 */
export const MATCH_PROTOCOL_VERSION = "double-random/match-v1";

/**
 * The part of a draw record that matching reads: the task id, the derived seed, the selections (entity id and
 * stratum key) and the replacement draws (补抽), which take the place of the entity they replace.
 * A `DrawRecord` is one.
 * @public
 */
export interface MatchableRecord {
  readonly taskId: string;
  readonly seed: string;
  readonly selections: readonly { readonly id: string; readonly stratum: string }[];
  readonly replacements?: readonly { readonly replaces: string; readonly id: string; readonly stratum: string }[];
}

/**
 * A relationship that forces recusal (回避): e.g. a former employer or a relative, supplied as data.
 * @public
 */
export interface Relationship {
  readonly inspectorId: string;
  readonly entityId: string;
  readonly reason: ConflictReason;
  readonly note?: string;
}

/**
 * The team leader (组长) rule: `true` designates one counted member of each team at random; with a
 * `department`, the leader comes from that department (which must have a guaranteed slot).
 * @public
 */
export type LeaderRule = boolean | { readonly department: string };

/**
 * The only way below the legal floor of 行政处罚法 第42条 (at least two officers with 执法资格 per team): an explicit
 * exception where a law provides otherwise (法律另有规定, e.g. 简易程序), with the provision cited, who decided
 * and when. It is copied into the record's matching section and the §8.1 commitment, so it is published and
 * fixed before the entropy. It allows a team of one counted member, never of none.
 * @public
 */
export interface LegalException {
  /** The ground: a law provides otherwise (法律另有规定), the only exception 第42条 admits. */
  readonly basis: "law_otherwise_provides";
  /** The provision relied on, e.g. "《行政处罚法》第五十一条（简易程序）". */
  readonly citation: string;
  /** Who decided (name or role, e.g. "局长 张三"). */
  readonly decidedBy: string;
  /** When, as `YYYY-MM-DD`. */
  readonly decidedAt: string;
  readonly note?: string;
}

/**
 * Why an inspector is recused after the draw (第43条 回避事由), a closed list: `close_relative` 近亲属,
 * `direct_interest` 直接利害关系, `other_relationship` 其他关系可能影响公正执法, `prior_inspection` 曾检查该对象,
 * `party_application` 当事人申请回避. Free text goes in `note`, never in the reason.
 * @example
 * ```ts
 * RECUSAL_REASONS.includes("close_relative")
 * //=> true
 * ```
 * @public
 */
export const RECUSAL_REASONS = ["close_relative", "direct_interest", "other_relationship", "prior_inspection", "party_application"] as const;

/** One of {@link RECUSAL_REASONS}. @public */
export type RecusalReason = (typeof RECUSAL_REASONS)[number];

/**
 * Who decided a late recusal and when (第43条: 回避由行政机关负责人决定; or on the party's application).
 * @public
 */
export interface RecusalDecision {
  /** `head_decision` (负责人决定) or `party_application` (当事人申请, then decided by the head). */
  readonly basis: "head_decision" | "party_application";
  /** Name or role of who decided (e.g. "副局长 李四"). */
  readonly by: string;
  /** When, as `YYYY-MM-DD`. */
  readonly date: string;
}

/**
 * The rules of a task's matching. Every field is optional; the defaults are the usual 双随机 practice.
 *
 * @remarks
 * - `minCredentialed` (default 2): counted members per target, all with 执法资格 and not experts.
 * - `departments`: a joint task (部门联合). A list means at least one member of each; a record gives
 *   per-department minimum counts. Only these departments take part; the team size is
 *   max(minCredentialed, sum of counts). Without it, any department may be sent.
 * - `qualifications`: every counted member must hold all of them (e.g. 特种设备).
 * - `experts` (default 0) experts per target from the expert pool, on top of the counted members, holding
 *   all `expertQualifications`.
 * - `checkRegions` (default true): a person with `regions` only goes to targets whose region code falls in one.
 * - `avoidLastInspectors` (default false): recuse the inspectors of the entity's latest inspection.
 * - `relationships`: extra recusals as data, besides each person's declared `conflicts`.
 * - `loadCap`: default workload cap per person for this batch (a person's own `loadCap` wins).
 * - `leader`: see {@link LeaderRule}.
 * - `initiator`: the initiating department (发起部门) of a joint task; it takes part with at least one member
 *   (added to `departments` when missing; the only department when `departments` is absent).
 * - `legalException`: see {@link LegalException}; without it, teams of fewer than two counted members and
 *   departments with a count of 0 are refused (`match_below_legal_minimum`, `match_department_count_zero`).
 * @public
 */
export interface MatchRules {
  readonly minCredentialed?: number;
  readonly departments?: readonly string[] | Readonly<Record<string, number>>;
  readonly qualifications?: readonly string[];
  readonly experts?: number;
  readonly expertQualifications?: readonly string[];
  readonly checkRegions?: boolean;
  readonly avoidLastInspectors?: boolean;
  readonly relationships?: readonly Relationship[];
  readonly loadCap?: number;
  readonly leader?: LeaderRule;
  readonly initiator?: string;
  readonly legalException?: LegalException;
}

/**
 * What {@link matchInspectors} needs: the draw record, the inspector pool, optionally the expert pool and the
 * entity pool (for regions and last inspections), and the rules.
 * @public
 */
export interface MatchInput {
  readonly record: MatchableRecord;
  readonly inspectors: readonly InspectorInput[];
  readonly experts?: readonly InspectorInput[];
  readonly entities?: readonly (Entity | EntityInput)[];
  /** The salt of the announcement's entity commitment (match-v1 §8.1), when it commits to entity attributes. */
  readonly salt?: string;
  readonly rules?: MatchRules;
}

/**
 * Which slot of a team a member fills: a department's guaranteed slot (`department`), a slot open to any
 * participating department (`open`), or an expert slot (`expert`).
 * @public
 */
export type SlotKind = "department" | "open" | "expert";

/**
 * One member of a team.
 * @public
 */
export interface TeamMember {
  readonly id: string;
  readonly name: string;
  readonly department: string;
  /** The slot it fills; `department` slots name their department in {@link TeamMember.department}. */
  readonly slot: SlotKind;
}

/**
 * The team sent to one drawn target (检查组).
 * @public
 */
export interface Team {
  /** The drawn entity's id. */
  readonly targetId: string;
  /** The stratum key it was drawn from. */
  readonly stratum: string;
  /** Counted members (执法人员), guaranteed department slots first. */
  readonly members: readonly TeamMember[];
  /** Experts (专家), never counted toward the minimum. */
  readonly experts: readonly TeamMember[];
  /** The leader's id (组长), when the rules designate one. */
  readonly leaderId?: string;
}

/**
 * One inspector moved between teams by an augmenting-path repair during a 递补.
 * @public
 */
export interface TeamMove {
  readonly inspectorId: string;
  readonly fromTargetId: string;
  readonly toTargetId: string;
}

/**
 * A logged change after the draw: a recusal declared late and its refill (递补) from the continuing stream.
 * @public
 */
export interface MatchLogEntry {
  readonly kind: "recusal";
  readonly targetId: string;
  readonly inspectorId: string;
  /** A {@link RecusalReason}; records made before the closed list may carry a `ConflictReason`. */
  readonly reason: RecusalReason | ConflictReason;
  /** Who decided and when (absent only in records made before it was required). */
  readonly decision?: RecusalDecision;
  readonly note?: string;
  /** Who took a slot at the target (null when the refill needed no new person at the target). */
  readonly replacementId: string | null;
  /** Stream counter of the refill pick, null when no random pick was needed (single candidate or repair). */
  readonly counter: number | null;
  /** Moves of other members made by the repair (empty when a free candidate existed). */
  readonly moves: readonly TeamMove[];
  /** Leaders drawn again because the recusal or a move took a team's leader away. */
  readonly leaders: readonly { readonly targetId: string; readonly leaderId: string }[];
  /** Digest of the previous entry (the chain's genesis for the first), so the log is append-only (match-v1 §8.2). */
  readonly prev?: string;
}

/**
 * The matching section of a record: protocol, stream seed, rules as applied, teams, the post-draw log and the
 * last stream counter used (the next 递补 continues after it).
 * @public
 */
export interface MatchSection {
  readonly protocol: typeof MATCH_PROTOCOL_VERSION;
  readonly taskId: string;
  /** `${record.seed}/inspectors`. */
  readonly seed: string;
  readonly rules: MatchRules;
  readonly teams: readonly Team[];
  readonly log: readonly MatchLogEntry[];
  /** Last counter of the stream used so far (0 when none). */
  readonly counter: number;
  /** How many vacancies the augmenting-path repair filled during the initial matching. */
  readonly repairs: number;
  /** Digest of the last log entry (the genesis when the log is empty): the chain head of match-v1 §8.2. */
  readonly logHead?: string;
}

/**
 * A draw record with its matching section.
 * @public
 */
export type MatchedRecord<R extends MatchableRecord = MatchableRecord> = R & { readonly match: MatchSection };

/**
 * The result of {@link matchInspectors}: the teams (in the record's target order) and the record with its
 * matching section attached.
 * @public
 */
export interface MatchResult<R extends MatchableRecord = MatchableRecord> {
  readonly teams: readonly Team[];
  readonly record: MatchedRecord<R>;
}
