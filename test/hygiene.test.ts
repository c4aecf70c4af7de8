// Rules of the house that a reviewer would otherwise have to remember.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "../src/index.js";

const root = new URL("..", import.meta.url).pathname;
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}
const core = files(join(root, "src")).filter((f) => !f.includes(`${join("src", "cli")}`));

describe("determinism of the core", () => {
  // The core never reads the clock, Math.random, the locale or the environment (DESIGN.md, STYLE.md).
  const forbidden: [RegExp, string][] = [
    [/\bDate\.now\s*\(/, "Date.now()"],
    [/\bnew Date\s*\(\s*\)/, "new Date() without arguments"],
    [/\bMath\.random\s*\(/, "Math.random()"],
    [/\bprocess\.env\b/, "process.env"],
    [/\bIntl\./, "Intl"],
    [/\.toLocale\w*\s*\(/, "toLocale*()"],
    [/\bperformance\.now\s*\(/, "performance.now()"],
    [/from\s+["']node:/, "a node: built-in (the core runs in browsers)"],
  ];
  it.each(core.map((f) => [relative(root, f)]))("%s uses no clock, randomness, locale or environment", (file) => {
    const text = readFileSync(join(root, file), "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
    for (const [re, what] of forbidden) expect(re.test(text), `${file} uses ${what}`).toBe(false);
  });
  it("the hygiene scan can fail (self-check)", () => {
    expect(/\bMath\.random\s*\(/.test("const x = Math.random();")).toBe(true);
  });
});

describe("message catalogs", () => {
  it("no code is defined in two catalogs (a later spread would silently replace the earlier message)", async () => {
    const dir = join(root, "src/messages");
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const f of readdirSync(dir).filter((x) => !["index.ts", "types.ts"].includes(x))) {
      const mod = (await import(join(dir, f))) as Record<string, Record<string, unknown>>;
      // Issue catalogs are the `…Messages` exports; `…Phrases` hold texts that are no issue code of their own.
      for (const catalog of Object.entries(mod).filter(([name]) => name.endsWith("Messages")).map(([, c]) => c)) {
        for (const code of Object.keys(catalog)) {
          const first = owner.get(code);
          if (first && first !== f) clashes.push(`${code}: ${first} and ${f}`);
          owner.set(code, f);
        }
      }
    }
    expect(owner.size).toBe(Object.keys(messages).length);
    expect(clashes).toEqual([]);
  });

  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it.each(Object.entries(messages))("%s has zh and en with the same placeholders", (code, entry) => {
    expect(code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    expect(entry.zh.trim()).not.toBe("");
    expect(entry.en.trim()).not.toBe("");
    expect(/[\u4e00-\u9fff]/.test(entry.zh), `${code}: zh message has no Chinese`).toBe(true);
    expect(placeholders(entry.zh)).toEqual(placeholders(entry.en));
  });
});
