// Public API of the match area: explicit named exports only.
export { matchInspectors } from "./matchInspectors.js";
export { matchCommitment, type MatchCommitmentInput } from "./commitment.js";
export { recuseInspector, type LateRecusalInput, type RecuseInput, type RecuseResult } from "./recuseInspector.js";
export { verifyMatch, lateRecusalLimit, type VerifyMatchInput, type MatchVerification } from "./verifyMatch.js";
export {
  MATCH_PROTOCOL_VERSION,
  RECUSAL_REASONS,
  type RecusalReason,
  type RecusalDecision,
  type LegalException,
  type MatchableRecord,
  type Relationship,
  type LeaderRule,
  type MatchRules,
  type MatchInput,
  type SlotKind,
  type TeamMember,
  type Team,
  type TeamMove,
  type MatchLogEntry,
  type MatchSection,
  type MatchedRecord,
  type MatchResult,
} from "./types.js";
