import type { Catalog } from "./types.js";

/** Issue codes of the quota area. */
export const quotaMessages = {
} as const satisfies Catalog;
