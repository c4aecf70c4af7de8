// Every `@example` in src/ whose result is shown on a `//=>` line is run, with the public API in scope,
// and must give that result: documentation that cannot drift from the code.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import * as filesApi from "../../src/files/index.js";
import * as core from "../../src/index.js";
import * as simulateApi from "../../src/simulate/index.js";

// Examples see the public API of every entry point: `double-random`, `double-random/files`, `double-random/simulate`.
const api = { ...core, ...filesApi, ...simulateApi };

const root = new URL("../../", import.meta.url).pathname;
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

interface Example { file: string; line: number; body: string[]; expression: string; expected: string }

function examplesOf(file: string): Example[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\* @example/.test(lines[i] as string)) continue;
    const start = lines.findIndex((l, k) => k > i && /^\s*\* ```ts/.test(l));
    const end = lines.findIndex((l, k) => k > start && /^\s*\* ```\s*$/.test(l));
    if (start < 0 || end < 0) continue;
    const block = lines.slice(start + 1, end).map((l) => l.replace(/^\s*\* ?/, ""));
    const body: string[] = [];
    for (let k = 0; k < block.length; k++) {
      const text = block[k] as string;
      const next = block[k + 1];
      if (next?.startsWith("//=> ")) {
        // A result may continue on "//     " lines; a remark after two spaces and "(" is prose.
        let expected = next.slice(5);
        while (block[k + 2]?.startsWith("//     ")) expected += ` ${(block[k + 2] as string).slice(2).trim()}`, k++;
        expected = expected.replace(/\s{2,}\(.*$/, "");
        out.push({ file: relative(root, file), line: start + k + 2, body: [...body], expression: text.replace(/\/\/.*$/, "").trim(), expected });
        body.push(text);
        k++;
      } else body.push(text);
    }
    i = end;
  }
  return out;
}

const names = Object.keys(api);
const values = Object.values(api);
const examples = files(join(root, "src")).filter((f) => !f.includes("/cli/")).flatMap(examplesOf);

describe("TSDoc examples", () => {
  it("there are many of them", () => {
    expect(examples.length).toBeGreaterThan(100);
  });
  it.each(examples.map((e) => [`${e.file}:${e.line} ${e.expression.slice(0, 60)}`, e] as const))("%s", (_, e) => {
    // Types are erased with a light touch: examples are written as plain expressions with `as` casts at most.
    const strip = (s: string) => s.replace(/\bas\s+[A-Z]\w*(\[\])?/g, "").replace(/:\s*[A-Z]\w*(?=\s*=)/g, "");
    const run = new Function(...names, `${e.body.map(strip).join("\n")}\nreturn (${strip(e.expression)});`) as (...a: unknown[]) => unknown;
    const actual = JSON.parse(JSON.stringify(run(...values) ?? null)) as unknown;
    // "…" elides: ", …" drops the rest of an object, "…" stands for any value; then the result must contain the rest.
    const elided = e.expected.includes("…");
    const source = e.expected.replace(/,\s*…/g, "").replace(/"…"|…/g, "__any");
    const expected = new Function("__any", `return (${source});`)(expect.anything()) as unknown;
    if (elided) expect(actual).toMatchObject(expected as object);
    else expect(actual).toEqual(JSON.parse(JSON.stringify(expected ?? null)));
  });
});
