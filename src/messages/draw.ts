import type { Catalog } from "./types.js";

/** Issue codes of the draw area. */
export const drawMessages = {
} as const satisfies Catalog;
