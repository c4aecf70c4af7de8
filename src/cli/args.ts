// Argument parsing shared by the commands: node:util parseArgs, with unknown options reported as coded issues in
// the chosen language. Kept light (no model, no zod): every command, and `--help`, goes through it.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { createIssue } from "../createIssue.js";
import { fail, type Issue, ok, type Result } from "../result.js";

export type Lang = "zh" | "en";
export type Options = NonNullable<ParseArgsConfig["options"]>;

/** Options every command accepts. */
export const COMMON: Options = {
  lang: { type: "string", default: "zh" },
  format: { type: "string", default: "text" },
  out: { type: "string", short: "o" },
  help: { type: "boolean", short: "h" },
};

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  lang: Lang;
  json: boolean;
}

/** What a failed parse still needs: the language and output format asked for, read leniently from argv. */
export interface Context {
  lang: Lang;
  json: boolean;
}

/** The `--lang` and `--format` of argv, even when the rest of argv does not parse (so its errors speak that language). */
export function contextOf(argv: readonly string[]): Context {
  const valueOf = (name: string): string | undefined => {
    let found: string | undefined;
    argv.forEach((a, k) => {
      if (a === `--${name}`) found = argv[k + 1];
      else if (a.startsWith(`--${name}=`)) found = a.slice(name.length + 3);
    });
    return found;
  };
  return { lang: valueOf("lang") === "en" ? "en" : "zh", json: valueOf("format") === "json" };
}

/** `--name` (and `-x`) of the accepted options, for the message naming an unknown one. */
function accepted(options: Options): string {
  return Object.entries(options).map(([name, o]) => (o.short ? `--${name} (-${o.short})` : `--${name}`)).join(", ");
}

/** node:util's parse error as a coded issue naming the option (its own message is English and has no code). */
function parseError(e: unknown, options: Options, argv: readonly string[]): Issue {
  const err = e as { code?: string; message?: string };
  const message = String(err.message ?? e);
  const option = (/'(-[^' ]+)/.exec(message)?.[1] ?? "").replace(/=.*$/, "");
  if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return createIssue("cli_unknown_option", { option, accepted: accepted(options) });
  if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (/does not take an argument/.test(message)) return createIssue("cli_option_takes_no_value", { option });
    // `--pool -3`: the value starts with "-" and was read as an option.
    const next = argv[argv.indexOf(option) + 1];
    const hint = next?.startsWith("-") ? { hint: { zh: `取值以“-”开头时请写成 ${option}=${next}`, en: `for a value starting with "-", write ${option}=${next}` } } : {};
    return createIssue("cli_option_value_missing", { option }, hint);
  }
  return createIssue("cli_bad_arguments", { detail: message });
}

export function parse(argv: string[], options: Options): Result<Parsed> {
  const all = { ...COMMON, ...options };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: all, allowPositionals: true, strict: true });
  } catch (e) {
    return fail([parseError(e, all, argv)]);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const lang = v.lang === "en" ? "en" : "zh";
  if (v.lang !== "zh" && v.lang !== "en") return fail([createIssue("cli_bad_option", { option: "--lang", value: String(v.lang), detail: "zh | en" })]);
  if (!["text", "json", "sarif"].includes(String(v.format))) {
    return fail([createIssue("cli_bad_option", { option: "--format", value: String(v.format), detail: { zh: "text | json（lint 另有 sarif）", en: "text | json (lint: also sarif)" } })]);
  }
  return ok({ values: v, positionals: parsed.positionals, lang, json: v.format === "json" });
}

/** A required string option or positional, or an issue naming it. */
export function required(value: string | boolean | undefined, name: string, issues: Issue[]): string {
  if (typeof value !== "string" || value === "") {
    issues.push(createIssue("cli_missing_argument", { argument: name }));
    return "";
  }
  return value;
}
