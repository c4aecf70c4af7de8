import * as z from "zod/mini";
import { parseIso } from "../_internal/dates.js";

/**
 * An ISO calendar date `YYYY-MM-DD` that exists (no 2023-02-30).
 * @example
 * ```ts
 * IsoDate.safeParse("2023-02-29").success
 * //=> false
 * ```
 * @public
 */
export const IsoDate = z.string().check(
  // One issue per bad date, naming the value: the shape check stops there and carries the catalog code.
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { abort: true, error: "date_invalid" }),
  z.refine((s) => parseIso(s) !== undefined, { params: { code: "date_invalid" } }),
).register(z.globalRegistry, { id: "IsoDate", description: "ISO calendar date YYYY-MM-DD" });

/** A non-empty identifier without surrounding spaces or control characters. */
export const Identifier = z.string().check(
  z.minLength(1),
  z.maxLength(128),
  // Explicit \u ranges rather than \p{Cc}: the pattern ships in JSON Schemas and must compile in
  // Python's re and Java's regex too.
  z.regex(/^[^\s\u0000-\u001f\u007f-\u009f](?:[^\u0000-\u001f\u007f-\u009f]*[^\s\u0000-\u001f\u007f-\u009f])?$/, {
    message: "identifier_invalid",
  }),
);

/** Non-empty display text. */
export const Text = z.string().check(z.trim(), z.minLength(1));
