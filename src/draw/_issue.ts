import { coreMessages } from "../messages/core.js";
import { drawMessages } from "../messages/draw.js";
import { modelMessages } from "../messages/model.js";
import { issueFactory } from "../result.js";

/** Builds an issue of the draw area: only the catalogs this area can emit are bundled with it. */
export const issue = /* @__PURE__ */ issueFactory({ ...coreMessages, ...modelMessages, ...drawMessages });

/**
 * A value from a JSON file (or anything a caller passed) as text for a message, without ever throwing: `String`
 * throws on objects without a prototype and on symbols in templates.
 * @internal
 */
export function shownValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" || value === undefined) return String(value);
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}
