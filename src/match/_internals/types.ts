// The matching problem as the engine sees it (docs/spec/match-v1.md §1–§2). Internal: never exported from the package.
import type { Issue } from "../../result.js";
import type { LegalException, SlotKind } from "../types.js";

/** The counted pool (执法检查人员名录库) or the expert pool (专家库). */
export type Pool = "counted" | "expert";

/** One person of either pool, validated, defaults applied. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly department: string;
  readonly credential: boolean;
  readonly expert: boolean;
  readonly pool: Pool;
  readonly qualifications: ReadonlySet<string>;
  /** Region prefixes (trailing "00" pairs of a 6-digit code removed); empty = anywhere. */
  readonly regions: readonly string[];
  readonly cap: number;
  /** Entity ids of declared conflicts (回避), as given. */
  readonly conflicts: readonly string[];
}

/** One drawn target (replacement draws substituted), with the entity attributes matching reads. */
export interface Target {
  readonly id: string;
  readonly stratum: string;
  readonly regionCode: string | undefined;
  readonly lastInspectors: ReadonlySet<string>;
}

/** The rules with every default applied (match-v1 §1). */
export interface NormalizedRules {
  readonly teamSize: number;
  /** Guaranteed department counts in code point order of department, or null when any department may go. */
  readonly departments: readonly (readonly [string, number])[] | null;
  readonly qualifications: readonly string[];
  readonly experts: number;
  readonly expertQualifications: readonly string[];
  readonly checkRegions: boolean;
  readonly avoidLastInspectors: boolean;
  readonly loadCap: number | null;
  readonly leader: { readonly department: string | null } | null;
  /** The initiating department (发起部门), also in `departments`; null when not given. */
  readonly initiator: string | null;
  /** The published exception to 第42条's floor, validated; null when none. */
  readonly legalException: LegalException | null;
}

/** One seat of every team (§3): department seats first, then open seats, then expert seats. */
export interface SlotSpec {
  readonly kind: SlotKind;
  /** Department of a `department` slot, null otherwise. */
  readonly department: string | null;
  /** Group key: "d:<department>", "open" or "expert". */
  readonly key: string;
}

/** A recusal declared after the draw, from the log. */
export interface LateRecusal {
  readonly inspectorId: string;
  readonly targetId: string;
}

/** Why a person may not be sent to a target. */
export type Ineligibility = "conflict" | "qualifications" | "region" | "credential" | "department" | "pool";

/** Everything the engine needs, built once from validated input by `buildProblem`. */
export interface MatchProblem {
  readonly taskId: string;
  readonly streamSeed: string;
  readonly rules: NormalizedRules;
  readonly targets: readonly Target[];
  readonly targetIndex: ReadonlyMap<string, number>;
  /** Every person, counted pool first, each pool in code point order of id. */
  readonly people: readonly Person[];
  readonly personIndex: ReadonlyMap<string, number>;
  /** Indices of the counted pool / expert pool, code point order of id. */
  readonly countedPool: readonly number[];
  readonly expertPool: readonly number[];
  readonly spec: readonly SlotSpec[];
  /** Members of each slot group (key → person indices in code point order of id). */
  readonly groups: ReadonlyMap<string, readonly number[]>;
  /** eligible[t * P + p] = 1 when person p may be sent to target t (pool-specific rules applied); target-major so a slot's candidates are read in one sweep. */
  readonly eligible: Uint8Array;
  /** Recusals besides declared conflicts (relationships, last inspectors, late recusals): person index → target indices. */
  readonly recused: ReadonlyMap<number, ReadonlySet<number>>;
  readonly warnings: readonly Issue[];
}
