import type * as z from "zod/mini";
import { coreMessages } from "../messages/core.js";
import { modelMessages } from "../messages/model.js";
import { issue as createIssue } from "../model/_issue.js";
import { type Issue, ok, type Result } from "../result.js";

// Our refinements only use codes of the core and model catalogs, so a model parse bundles only those two.
const catalog = { ...coreMessages, ...modelMessages };
type IssueCode = keyof typeof catalog;

/** Code carried in `params.code` by our own refinements, so custom zod issues map onto catalog codes. */
export interface CustomIssueParams {
  code: IssueCode;
  [key: string]: string | number;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(root)" : path.map(String).join(".");
}

function show(value: unknown): string {
  if (typeof value === "string") return value.length > 60 ? `${value.slice(0, 57)}...` : value;
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Maps one zod issue onto ours; zod types never leave this module. */
function mapIssue(issue: z.core.$ZodIssue, input: unknown, base: readonly (string | number)[]): Issue[] {
  const inner = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
  const path = [...base, ...inner];
  const where = { path };
  const p = pathText(path);
  switch (issue.code) {
    case "invalid_type": {
      const actual = valueAt(input, inner);
      const received = actual === undefined ? "undefined" : show(actual);
      return [createIssue("invalid_type", { path: p, expected: issue.expected, received }, where)];
    }
    case "invalid_value":
      return [
        createIssue(
          "invalid_value",
          { path: p, expected: issue.values.map(String).join(" | "), received: show(valueAt(input, inner)) },
          where,
        ),
      ];
    case "invalid_format": {
      // A check may name a catalog code as its error (IsoDate's shape check says date_invalid).
      if (Object.prototype.hasOwnProperty.call(catalog, issue.message)) {
        return [createIssue(issue.message as IssueCode, { path: p, value: show(valueAt(input, inner)) }, where)];
      }
      // "regex" says nothing to a user: show the pattern (or the check's own description).
      const pattern = (issue as { pattern?: string }).pattern;
      const described = issue.message !== "" && !issue.message.startsWith("Invalid") ? issue.message : undefined;
      return [createIssue("invalid_format", { path: p, expected: described ?? (issue.format === "regex" && pattern ? pattern : issue.format) }, where)];
    }
    case "too_small":
      return [createIssue("too_small", { path: p, minimum: String(issue.minimum) }, where)];
    case "too_big":
      return [createIssue("too_big", { path: p, maximum: String(issue.maximum) }, where)];
    case "unrecognized_keys":
      return issue.keys.map((key) => createIssue("unrecognized_key", { path: p, key }, where));
    case "custom": {
      const params = issue.params as CustomIssueParams | undefined;
      if (params && Object.prototype.hasOwnProperty.call(catalog, params.code)) {
        const { code, ...rest } = params;
        // The refinement cannot know the value it rejected; messages such as date_invalid show it.
        return [createIssue(code, { path: p, value: show(valueAt(input, inner)), ...rest }, where)];
      }
      return [createIssue("invalid_input", { path: p, detail: issue.message }, where)];
    }
    case "invalid_union": {
      // Report the branch that got furthest rather than "no union member matched".
      const branches = issue.errors.filter((b) => b.length > 0);
      const best = branches.sort((a, b) => a.length - b.length)[0];
      if (best) return best.flatMap((i) => mapIssue(i, valueAt(input, inner), path));
      return [createIssue("invalid_input", { path: p, detail: issue.message }, where)];
    }
    default:
      return [createIssue("invalid_input", { path: p, detail: issue.message }, where)];
  }
}

/**
 * Runs a zod schema and maps its failure onto our {@link Issue}s. Our own refinements report warnings
 * through `warningsOf`, which runs only on a successful parse.
 */
export function parseWith<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  options: { path?: readonly (string | number)[]; warningsOf?: (value: z.output<S>) => Issue[] } = {},
): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.flatMap((i) => mapIssue(i, input, options.path ?? [])) };
  }
  return ok(parsed.data, options.warningsOf ? options.warningsOf(parsed.data) : []);
}
