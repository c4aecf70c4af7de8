// Public API of the draw area: explicit named exports only.
export { streamHash, reduceHash, streamPick, type StreamPick, rivestSample, type RivestSampleOptions } from "./stream.js";
export { compareCodePoints } from "./order.js";
export type { DrawEntity } from "./pool.js";
export type { ExclusionOptions, Manifest, ManifestDigests, ManifestStratum } from "./prepare.js";
export { stratifier, stratumLabel, UNASSIGNED, PRODUCT_SIGN, type Stratifier, type StratumLabel, type StratumPart, type RegionLevel } from "./strata.js";
export { buildManifest, type BuildManifestOptions } from "./manifest.js";
export { lotteryEntropy, diceEntropy, beaconEntropy, commitSecret, revealEntropy, type LotterySource } from "./entropy.js";
export { deriveSeed, stratumSeed } from "./seed.js";
export { announcementDigest } from "./digest.js";
export { announce, type AnnounceInput, type AllocationInput, type AnnounceResult, type StratumSizes } from "./announce.js";
export { draw } from "./draw.js";
export type { DrawOptions } from "./_checks.js";
export { replaceSelections, type ReplacementRequest } from "./replace.js";
export { REPLACEMENT_REASONS, replacementLimit, type ReplacementReason, type ReplacementDecision, type PublishedCopy } from "./replacementLog.js";
export { verifyDraw } from "./verify.js";
export { verifyDrawManifest } from "./verifyManifest.js";
export {
  LIBRARY_VERSION, Stratification, ExclusionReason, ExclusionCounts, ExclusionRules, EntropySource, Entropy,
  AnnouncedStratum, Announcement, MatchCommitment, Selection, Replacement, DrawnStratum,
} from "../model/record.js";
