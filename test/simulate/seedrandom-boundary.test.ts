// The verifiable draw keeps its SHA-256 stream: seedrandom (the simulation's generator) must never be reachable
// from the main entry, the script-tag bundles or the draw (DESIGN.md decision 9). The scans follow value imports
// (type-only imports are erased) through src/ and through the built dist/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;

/** Every module reachable from `entry` by relative value imports, and the bare packages they import. */
function graph(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    const specifiers = [
      ...[...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gms)].map((m) => m[1] as string),
      ...[...text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)].map((m) => m[1] as string),
      ...[...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] as string),
    ];
    for (const s of specifiers) {
      if (!s.startsWith(".")) {
        packages.set(s, file);
        continue;
      }
      const base = resolve(dirname(file), s);
      const candidates = [base, base.replace(/\.js$/, ".ts"), `${base}.ts`, `${base}.js`, join(base, "index.ts"), join(base, "index.js")];
      const found = candidates.find((c) => existsSync(c) && !c.endsWith("/"));
      if (found && /\.(ts|js)$/.test(found)) todo.push(found);
    }
  }
  return { files, packages };
}

const seedrandomIn = (g: ReturnType<typeof graph>) => [...g.packages.keys()].filter((p) => p === "seedrandom" || p.startsWith("seedrandom/"));

describe("seedrandom never reaches the draw", () => {
  it.each(["src/index.ts", "src/global.ts", "src/global-draw.ts", "src/draw/index.ts", "src/match/index.ts"])("%s does not import seedrandom", (entry) => {
    const g = graph(join(root, entry));
    expect(g.files.size).toBeGreaterThan(entry.startsWith("src/index") || entry.startsWith("src/global") ? 20 : 5);
    expect(seedrandomIn(g)).toEqual([]);
  });

  it("the scan sees seedrandom where it is used (self-check: the simulate entry)", () => {
    const g = graph(join(root, "src/simulate/index.ts"));
    expect(seedrandomIn(g)).toEqual(["seedrandom"]);
    expect(g.packages.get("seedrandom")).toMatch(/simulatePlan\.ts$/);
  });

  it("no file under src/draw, src/match or src/quota imports seedrandom, reachable from an entry or not", () => {
    const files = (dir: string): string[] =>
      readdirSync(join(root, dir), { recursive: true, encoding: "utf8" }).filter((f) => /\.(ts|js|mjs|cjs)$/.test(f)).map((f) => join(root, dir, f));
    const importsSeedrandom = (file: string) => /(?:from|import|require)\s*\(?\s*["']seedrandom(?:\/[^"']*)?["']/.test(readFileSync(file, "utf8"));
    const drawFiles = files("src/draw");
    expect(drawFiles.length).toBeGreaterThan(5);
    expect([...drawFiles, ...files("src/match"), ...files("src/quota")].filter(importsSeedrandom)).toEqual([]);
    // Self-check: the same scan finds the simulation's import.
    expect(files("src/simulate").filter(importsSeedrandom).map((f) => f.slice(root.length))).toEqual(["src/simulate/simulatePlan.ts"]);
  });

  it("the draw's stream module is SHA-256 only", () => {
    const g = graph(join(root, "src/draw/stream.ts"));
    expect([...g.packages.keys()].every((p) => p.startsWith("@noble/hashes"))).toBe(true);
  });

  const built = join(root, "dist/index.js");
  it.runIf(existsSync(built))("the built ESM entry's graph has no seedrandom, the simulate entry's has", () => {
    expect(seedrandomIn(graph(built))).toEqual([]);
    expect(seedrandomIn(graph(join(root, "dist/simulate/index.js")))).toEqual(["seedrandom"]);
  });

  it.runIf(existsSync(join(root, "dist/double-random.global.js")))("the script-tag bundles carry no Alea code", () => {
    // 2091639 is Alea's multiplier; the self-check below proves the marker is in seedrandom's code.
    expect(readFileSync(join(root, "node_modules/seedrandom/lib/alea.js"), "utf8")).toContain("2091639");
    for (const f of ["dist/double-random.global.js", "dist/double-random.draw.global.js", "dist/index.cjs"]) {
      expect(readFileSync(join(root, f), "utf8"), f).not.toContain("2091639");
      expect(readFileSync(join(root, f), "utf8"), f).not.toMatch(/require\(["']seedrandom/);
    }
  });
});
