import type { Catalog } from "./types.js";

/** Issue codes of the match area. */
export const matchMessages = {
} as const satisfies Catalog;
