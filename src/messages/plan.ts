import type { Catalog } from "./types.js";

/** Issue codes of the plan area. */
export const planMessages = {
} as const satisfies Catalog;
