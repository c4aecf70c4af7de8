// What the command line prints and writes. Kept light (no model, no zod) so that every command can use it.
// The contract (README "命令行" and `double-random --help`):
// - exit 0: done; 1: the inputs were read and the answer is "no" (verify found mismatches, lint found errors,
//   the wording or the rules cannot be met); 2: usage or input problem (unknown option, missing or unreadable
//   file, wrong kind of file, invalid rows) — nothing was checked.
// - every failure is a coded issue in the chosen language; with --format json, stdout is always one JSON
//   document, also on failure: { ok: false, exitCode, issues }.
// - files are written whole or not at all: a temp file beside the target, then a rename.
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { createIssue } from "../createIssue.js";
import { fail, type Issue, ok, type Result } from "../result.js";
import type { Context, Lang } from "./args.js";

/** The message of an issue in `lang` (draw issues carry their field and reason words in their params). */
export function messageOf(i: Issue, lang: Lang): string {
  return i.message[lang];
}

/** Exit codes of every command. */
export const EXIT = { ok: 0, negative: 1, usage: 2 } as const;

/** One issue as a line of text: mark, row and column when known, code, message. */
export function issueLine(i: Issue, lang: Lang): string {
  const mark = i.severity === "error" ? "✗" : i.severity === "warning" ? "!" : "·";
  const where = i.row !== undefined ? (lang === "zh" ? `第${i.row}行${i.field ? `「${i.field}」` : ""} ` : `row ${i.row}${i.field ? ` [${i.field}]` : ""} `) : "";
  const hint = i.hint ? `\n    → ${i.hint[lang]}` : "";
  return `${mark} ${where}[${i.code}] ${messageOf(i, lang)}${hint}`;
}

/** The issues as lines, each once (the same warning can reach a command through two calls). */
export function issueLines(issues: readonly Issue[], lang: Lang): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const i of issues) {
    const key = `${i.code}|${i.row ?? ""}|${i.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issueLine(i, lang));
  }
  return out;
}

/** Prints issues to stderr (or, with `to: "stdout"`, to stdout), one line each, in the chosen language. */
export function printIssues(issues: readonly Issue[], lang: Lang, to: "stderr" | "stdout" = "stderr"): void {
  const lines = issueLines(issues, lang);
  if (lines.length > 0) process[to].write(`${lines.join("\n")}\n`);
}

/**
 * Ends a command that could not do its job: the issues in the chosen language on stderr, or with --format json one
 * JSON document on stdout. Returns the exit code to return.
 */
export function failWith(ctx: Context, issues: readonly Issue[], exitCode: 1 | 2): number {
  if (ctx.json) process.stdout.write(`${JSON.stringify({ ok: false, exitCode, issues }, null, 2)}\n`);
  else printIssues(issues, ctx.lang);
  return exitCode;
}

/** Why a file cannot be written at `file`, before trying: a directory there, or no directory to put it in. */
function outputProblem(file: string): Issue | undefined {
  if (existsSync(file) && statSync(file).isDirectory()) return createIssue("output_is_directory", { file });
  const dir = dirname(file);
  if (!existsSync(dir)) return createIssue("output_dir_missing", { file, dir });
  if (!statSync(dir).isDirectory()) return createIssue("output_dir_missing", { file, dir });
  return undefined;
}

/**
 * Writes `text` to `file` atomically: into a temporary file in the same directory, flushed, then renamed over
 * the target. A failure midway leaves the old file (or none), never a truncated one.
 */
export function writeFileAtomic(file: string, text: string): Result<void> {
  const problem = outputProblem(file);
  if (problem) return fail([problem]);
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", 0o644);
    const bytes = Buffer.from(text, "utf8");
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
    return ok(undefined);
  } catch (e) {
    if (fd !== undefined) {
      try { closeSync(fd); } catch { /* already failing */ }
    }
    rmSync(tmp, { force: true });
    return fail([createIssue("file_write_failed", { file, detail: (e as Error).message })]);
  }
}

/** Writes JSON to a file, atomically (when `out` is given), or to stdout. */
export function writeJson(value: unknown, out?: string): Result<void> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (out !== undefined) return writeFileAtomic(out, text);
  process.stdout.write(text);
  return ok(undefined);
}

/**
 * Ends a command whose product is a JSON document (announcement, record): to `out` (atomically) or stdout. With
 * --format json and -o, stdout still gets one JSON document saying what was written. Warnings go to stderr.
 */
export function emitDocument(ctx: Context, value: unknown, out: string | undefined, warnings: readonly Issue[]): number {
  const w = writeJson(value, out);
  if (!w.ok) return failWith(ctx, w.issues, EXIT.usage);
  if (ctx.json && out !== undefined) writeJson({ ok: true, written: out, warnings });
  printIssues(warnings, ctx.lang);
  return EXIT.ok;
}
