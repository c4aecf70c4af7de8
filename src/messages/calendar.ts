import type { Catalog } from "./types.js";

/** Issue codes of the calendar area. */
export const calendarMessages = {
} as const satisfies Catalog;
