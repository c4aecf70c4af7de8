// No spread of an array into a call or `new` in src/ (issue 16 item 4): `push(...xs)`, `Math.max(...xs)`,
// `String.fromCharCode(...xs)` put every element on the stack, and past ~10^5 elements throw `RangeError: Maximum call
// stack size exceeded` (a 300k-character quota cell once did, through 150k warnings). A scan of the syntax tree.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });

/**
 * Areas still holding spreads of (small) arrays into calls, each with its count: a ratchet, to shrink (by folder, so
 * that moving code between the files of an area does not trip it).
 */
const KNOWN: Readonly<Record<string, number>> = { "src/cli/": 16, "src/draw/": 27 };
const areaOf = (file: string) => Object.keys(KNOWN).find((a) => file.startsWith(a));

function spreadsIn(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isSpreadElement(n) && (ts.isCallExpression(n.parent) || ts.isNewExpression(n.parent))) {
      found.push(`${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${n.parent.getText().slice(0, 80)}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe("no spread of arrays into calls", () => {
  const counts = new Map(files(join(root, "src")).map((f) => [relative(root, f), spreadsIn(f)] as const));

  it("finds none in src/ outside the known areas", () => {
    const found = [...counts].filter(([f, s]) => s.length > 0 && areaOf(f) === undefined).map(([f, s]) => `${f}:${s.join(" | ")}`);
    expect(found).toEqual([]);
  });

  it("finds no more than the known count in each known area (lower the count when one is removed)", () => {
    const over = Object.entries(KNOWN)
      .map(([area, n]) => [area, n, [...counts].filter(([f]) => f.startsWith(area)).flatMap(([f, s]) => s.map((x) => `${f}:${x}`))] as const)
      .filter(([, n, found]) => found.length > n)
      .map(([area, n, found]) => `${area} ${found.length} > ${n}: ${found.join(" | ")}`);
    expect(over).toEqual([]);
  });

  it("sees a spread into a call when there is one", () => {
    const probe = ts.createSourceFile("probe.ts", "xs.push(...ys); Math.max(0, ...zs); const a = [...ys];", ts.ScriptTarget.Latest, true);
    let n = 0;
    const visit = (x: ts.Node): void => {
      if (ts.isSpreadElement(x) && ts.isCallExpression(x.parent)) n++;
      ts.forEachChild(x, visit);
    };
    visit(probe);
    expect(n).toBe(2);
  });
});
