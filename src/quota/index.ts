// Public API of the quota area: explicit named exports only.
export { parseQuota } from "./parseQuota.js";
