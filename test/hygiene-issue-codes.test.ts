// Each public function's TSDoc names the issue codes it can return; this checks those lists against the code.
//
// A static scan, with these limits:
// - "can emit" is over-approximated: a code counts as emittable by a function when it is written as a literal
//   (`issue("code"`, `createIssue("code"`, `…Issue("code"`, or a `code: "…"` property) in the function's file or in any
//   file of src/ it imports, directly or not, whether or not the function's own path reaches that line;
// - codes chosen at run time (a variable passed as the code, codes copied from another function's result) are
//   seen only where they are written as literals somewhere in that import closure;
// - codes a caller-injected dependency reports (a pool source) are listed in INJECTED;
// - only functions marked @public are read;
// - a list may defer to other functions ("plus the input errors of {@link matchInspectors}", "the codes of
//   `parseQuota`"): the codes those functions document count as documented.
// So the check finds a documented code that nothing the function imports can produce (a stale list), and, for the
// files whose functions it owns (OWN_FILES), a code written in the file or in its area's internals that the list
// leaves out.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "../src/index.js";

const root = new URL("..", import.meta.url).pathname;
const src = join(root, "src");
const CODES = new Set(Object.keys(messages));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}
const all = files(src).filter((f) => !f.includes(`${join("src", "cli")}`));
const text = new Map(all.map((f) => [f, readFileSync(f, "utf8")]));

/** Local imports of a file (relative specifiers resolved to .ts files of src/). */
function importsOf(file: string): string[] {
  const out: string[] = [];
  // Type-only imports bring no code along.
  for (const m of (text.get(file) ?? "").matchAll(/(?:import|export)\s(?!type\s)[^;]*?from\s+"(\.[^"]+)"/g)) {
    const target = resolve(dirname(file), (m[1] as string).replace(/\.js$/, ".ts"));
    if (text.has(target)) out.push(target);
  }
  return out;
}

function closure(file: string, stop: (f: string) => boolean = () => false): Set<string> {
  const seen = new Set<string>([file]);
  const queue = [file];
  for (let k = 0; k < queue.length; k++) {
    for (const next of importsOf(queue[k] as string)) {
      if (seen.has(next) || stop(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

// Any string literal that is an issue code: the code of an issue(…) call, of a thrown DoubleRandomError, of a table
// mapping one code onto another.
const literalCodes = (source: string): Set<string> => {
  const out = new Set<string>();
  const code = source.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
  for (const m of code.matchAll(/"([a-z][a-z0-9_]*)"/g)) if (CODES.has(m[1] as string)) out.add(m[1] as string);
  return out;
};

interface Documented {
  readonly name: string;
  readonly file: string;
  readonly codes: Set<string>;
  readonly refs: Set<string>;
}

// Public functions whose TSDoc names at least one issue code in backticks.
const documented = new Map<string, Documented>();
for (const [file, source] of text) {
  for (const m of source.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(?:\/\*[^*][\s\S]*?\*\/\s*)?export (?:async )?function (\w+)/g)) {
    const doc = m[1] as string;
    const name = m[2] as string;
    const ticked = [...doc.matchAll(/`([A-Za-z][\w]*)`/g)].map((x) => x[1] as string);
    const codes = new Set(ticked.filter((t) => CODES.has(t)));
    if (!doc.includes("@public") || (codes.size === 0 && !/Issue codes:|Errors:|Issues:/.test(doc))) continue;
    const refs = new Set([...ticked, ...[...doc.matchAll(/\{@link (\w+)\}/g)].map((x) => x[1] as string)].filter((t) => !CODES.has(t) && t !== name));
    documented.set(name, { name, file, codes, refs });
  }
}

function documentedCodes(name: string, seen = new Set<string>()): Set<string> {
  const d = documented.get(name);
  if (!d || seen.has(name)) return new Set();
  seen.add(name);
  const out = new Set(d.codes);
  for (const r of d.refs) for (const c of documentedCodes(r, seen)) out.add(c);
  return out;
}

const emittable = (file: string): Set<string> => {
  const out = new Set<string>();
  for (const f of closure(file)) for (const c of literalCodes(text.get(f) ?? "")) out.add(c);
  return out;
};

// Codes that reach a function from a dependency the caller injects (a PoolSource of `double-random/postgres` or
// `/mysql` reports its own), so no import of the function writes them.
const INJECTED: Readonly<Record<string, readonly string[]>> = {
  announceFromSource: ["source_duplicate_id", "source_entity_invalid", "source_mapping_invalid"],
};

// The files whose lists this check holds complete (a code written there, or in the area's internals, is listed).
const OWN_FILES = ["src/match/matchInspectors.ts", "src/match/recuseInspector.ts", "src/match/verifyMatch.ts", "src/match/commitment.ts", "src/draw/stream.ts"];

describe("TSDoc issue-code lists", () => {
  it("the scan finds the documented functions (self-check)", () => {
    expect(documented.size).toBeGreaterThan(10);
    expect([...documentedCodes("matchInspectors")]).toContain("match_infeasible");
    expect(literalCodes('issue("match_infeasible", {})')).toEqual(new Set(["match_infeasible"]));
  });

  it.each([...documented.values()].map((d) => [d.name, relative(root, d.file)]))("%s (%s) documents only codes it can emit", (name, file) => {
    const can = emittable(join(root, file));
    // Its own list only: a {@link} may be a "see also" as much as "plus the codes of".
    const stale = [...(documented.get(name)?.codes ?? [])].filter((c) => !can.has(c) && !INJECTED[name]?.includes(c));
    expect(stale, `${name} documents codes nothing it imports writes`).toEqual([]);
  });

  const own = [...documented.values()].filter((d) => OWN_FILES.includes(relative(root, d.file)));
  it.each(own.map((d) => [d.name, relative(root, d.file)]))("%s (%s) documents every code its file and its area's internals write", (name, file) => {
    const path = join(root, file);
    // The area's internals only: another public function's file has its own list (referenced with {@link …}), and
    // another area's codes come through that area's public functions.
    const area = relative(src, path).split("/")[0] as string;
    const internal = closure(path, (f) => !relative(src, f).startsWith(`${area}/`) || [...documented.values()].some((d) => d.file === f));
    const written = new Set<string>();
    for (const f of internal) for (const c of literalCodes(text.get(f) ?? "")) written.add(c);
    const listed = documentedCodes(name);
    expect([...written].filter((c) => !listed.has(c)).sort(), `${name} leaves out codes`).toEqual([]);
  });
});
