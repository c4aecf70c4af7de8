import type * as z from "zod/mini";
import { coreMessages } from "../messages/core.js";
import { fieldLabels, typeLabels, valueLabels } from "./words.js";
import { modelMessages } from "../messages/model.js";
import { issue as createIssue } from "../model/_issue.js";
import { type Issue, type Message, ok, type Result } from "../result.js";

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

/** The path in each language: field names as the user's tables name them (kind → 类型), indexes as 第n项. */
function pathMessage(path: readonly PropertyKey[]): Message {
  if (path.length === 0) return { zh: "输入", en: "(root)" };
  const zh = path.map((k) => (typeof k === "number" ? `第${k + 1}项` : (fieldLabels[String(k)]?.zh ?? String(k)))).join("·");
  return { zh, en: pathText(path) };
}

const wordOf = (labels: Readonly<Record<string, Message>>, v: string): Message => labels[v] ?? { zh: v, en: v };

/** The value a schema rejected, said with its type (the text "5" is not the number 5). */
function receivedMessage(actual: unknown): Message {
  if (actual === undefined) return { zh: "缺失", en: "undefined" };
  if (typeof actual === "string") return { zh: `文本“${show(actual)}”`, en: `the text "${show(actual)}"` };
  if (typeof actual === "number" || typeof actual === "boolean") return { zh: `${wordOf(typeLabels, typeof actual).zh} ${String(actual)}`, en: `the ${typeof actual} ${String(actual)}` };
  return wordOf(typeLabels, show(actual));
}

/** A size limit in words: a string's length, an array's items, a number's value. */
function limitMessage(kind: "min" | "max", origin: string, bound: unknown, inclusive: boolean | undefined): Message {
  const n = String(bound);
  if (origin === "string") {
    if (kind === "min" && n === "1") return { zh: "不能为空", en: "must not be empty" };
    return kind === "min" ? { zh: `至少含${n}个字符`, en: `at least ${n} characters` } : { zh: `最多含${n}个字符`, en: `at most ${n} characters` };
  }
  if (origin === "array" || origin === "set") {
    return kind === "min" ? { zh: `至少${n}项`, en: `at least ${n} items` } : { zh: `最多${n}项`, en: `at most ${n} items` };
  }
  if (kind === "min") return inclusive === false ? { zh: `应大于${n}`, en: `must be greater than ${n}` } : { zh: `不能小于${n}`, en: `must be at least ${n}` };
  return inclusive === false ? { zh: `应小于${n}`, en: `must be less than ${n}` } : { zh: `不能大于${n}`, en: `must be at most ${n}` };
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
  const p = pathMessage(path);
  switch (issue.code) {
    case "invalid_type": {
      const actual = valueAt(input, inner);
      return [createIssue("invalid_type", { path: p, expected: wordOf(typeLabels, issue.expected), received: receivedMessage(actual) }, where)];
    }
    case "invalid_value": {
      // The accepted values in words (企业、个体工商户…), as a planner types them; the codes in English.
      const values = issue.values.map(String);
      const expected = { zh: values.map((v) => wordOf(valueLabels, v).zh).join("、"), en: values.join(" | ") };
      return [createIssue("invalid_value", { path: p, expected, received: show(valueAt(input, inner)) }, where)];
    }
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
      return [createIssue("too_small", { path: p, minimum: String(issue.minimum), limit: limitMessage("min", issue.origin, issue.minimum, issue.inclusive) }, where)];
    case "too_big":
      return [createIssue("too_big", { path: p, maximum: String(issue.maximum), limit: limitMessage("max", issue.origin, issue.maximum, issue.inclusive) }, where)];
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
