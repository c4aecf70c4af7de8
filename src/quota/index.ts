// Public API of the quota area: explicit named exports only.
export { parseQuota } from "./parseQuota.js";
export { sampleSize, type SampleSize, type SampleSizeOptions, type SampleSizeRule, type Rounding } from "./sampleSize.js";
export {
  allocate, type AllocateOptions, type Allocation, type AllocationRow, type AllocationStratum,
} from "./allocate.js";
export { parseTierPolicy } from "./parseTierPolicy.js";
export { allocateStrata, type StrataAllocation, type StrataCount, type StrataRule } from "./allocateStrata.js";
