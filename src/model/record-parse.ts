import * as z from "zod/mini";
import { parseWith } from "../_internal/zod.js";
import { fail, type Issue, ok, type Result } from "../result.js";
import { DrawRecord, Selection } from "./record.js";

// A record of a 10^6 draw holds 50,000 selections; zod builds a payload, an issues array and a copy per field of
// each (150–230 ms, more than the rest of a verification's checks together). Here zod parses everything but the
// selections, and each selection is read once by hand: one that is exactly what the Selection schema accepts is
// copied as zod would copy it, and any other is handed to zod itself, so a bad record gets zod's issues, word for
// word, with their paths (`selections.41999.hash`), in the order zod reports them.

const RecordHead = /* @__PURE__ */ z.extend(DrawRecord, { selections: z.optional(z.unknown()) });
const Selections = /* @__PURE__ */ z.array(Selection);
const HEX64 = /^[0-9a-f]{64}$/;
const KEYS = /* @__PURE__ */ new Set(["id", "stratum", "counter", "hash", "index"]);
// The record's fields after `selections`, in the schema's order: their issues come after the selections'.
const LATER = /* @__PURE__ */ new Set(["replacements", "replacementsHead", "exclusions", "match"]);

const positive = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 1;

/** A copy of `x` (keys in the schema's order) when the Selection schema accepts it as it is, else undefined. */
function plainSelection(x: unknown): Selection | undefined {
  if (typeof x !== "object" || x === null || Object.getPrototypeOf(x) !== Object.prototype) return undefined;
  const { id, stratum, counter, hash, index } = x as Record<string, unknown>;
  if (typeof id !== "string" || id.length === 0 || typeof stratum !== "string" || stratum.length === 0) return undefined;
  if (counter !== null && !positive(counter)) return undefined;
  if (hash !== null && !(typeof hash === "string" && HEX64.test(hash))) return undefined;
  if (!positive(index)) return undefined;
  for (const key in x) if (!KEYS.has(key)) return undefined;
  return { id, stratum, counter, hash, index };
}

/**
 * `parseWith(DrawRecord, input)`, the same value and the same issues in the same order, without a zod object per
 * selection.
 * @internal
 */
export function parseDrawRecord(input: unknown): Result<DrawRecord> {
  const head = parseWith(RecordHead, input);
  // Not an object: nothing of the selections to check (zod says so once, at the root).
  if (typeof input !== "object" || input === null || Array.isArray(input)) return head as Result<DrawRecord>;
  const given = (input as { selections?: unknown }).selections;
  let selections: Selection[] | undefined;
  let issues: Issue[] = [];
  if (!Array.isArray(given)) {
    const whole = parseWith(Selections, given, { path: ["selections"] });
    if (whole.ok) selections = whole.value;
    else issues = [...whole.issues];
  } else {
    selections = new Array<Selection>(given.length);
    for (let k = 0; k < given.length; k++) {
      const s = plainSelection(given[k]);
      if (s) {
        selections[k] = s;
        continue;
      }
      const one = parseWith(Selection, given[k], { path: ["selections", k] });
      if (one.ok) selections[k] = one.value;
      else for (const i of one.issues) issues.push(i);
    }
  }
  if (head.ok && issues.length === 0) return ok({ ...head.value, selections } as DrawRecord);
  const before = head.ok ? [] : head.issues;
  const at = before.findIndex((i) => {
    const top = i.path?.[0];
    return top === undefined || LATER.has(String(top));
  });
  const cut = at < 0 ? before.length : at;
  return fail([...before.slice(0, cut), ...issues, ...before.slice(cut)]);
}
