// Argument parsing shared by the commands: node:util parseArgs, with unknown options reported as issues.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { createIssue, fail, type Issue, ok, type Result } from "../index.js";
import type { Lang } from "./io.js";

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

export function parse(argv: string[], options: Options): Result<Parsed> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
    const v = values as Record<string, string | boolean | undefined>;
    const lang = v.lang === "en" ? "en" : "zh";
    if (v.lang !== "zh" && v.lang !== "en") return fail([createIssue("cli_bad_option", { option: "--lang", value: String(v.lang), detail: "zh | en" })]);
    if (!["text", "json", "sarif"].includes(String(v.format))) return fail([createIssue("cli_bad_option", { option: "--format", value: String(v.format), detail: "text | json (lint: | sarif)" })]);
    return ok({ values: v, positionals, lang, json: v.format === "json" });
  } catch (e) {
    return fail([createIssue("cli_bad_option", { option: "", value: "", detail: (e as Error).message })]);
  }
}

/** A required string option or positional, or an issue naming it. */
export function required(value: string | boolean | undefined, name: string, issues: Issue[]): string {
  if (typeof value !== "string" || value === "") {
    issues.push(createIssue("cli_missing_argument", { argument: name }));
    return "";
  }
  return value;
}
