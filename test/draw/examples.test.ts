// Every @example of the draw area's TSDoc, run as written: the expression before `//=>` must equal what follows.
import { readdirSync, readFileSync } from "node:fs";
import { bytesToHex } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";

const files = [...readdirSync(new URL("../../src/draw/", import.meta.url)).map((f) => `src/draw/${f}`), "src/model/record.ts"];
const scope: Record<string, unknown> = { ...lib, bytesToHex };

const examples: { where: string; code: string; expected: string }[] = [];
for (const file of files) {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
  for (const m of text.matchAll(/@example\s*\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)) {
    const lines = (m[1] ?? "").split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
    const at = lines.findIndex((l) => l.startsWith("//=>"));
    examples.push({ where: `${file}: ${lines[0]}`, code: lines.slice(0, at).join("\n"), expected: (lines[at] ?? "").slice(4).trim() });
  }
}

describe("documented examples of the draw area", () => {
  it("found them all", () => {
    expect(examples.length).toBeGreaterThanOrEqual(20);
    expect(examples.every((e) => e.expected.length > 0)).toBe(true);
  });
  it.each(examples)("$where", async ({ code, expected }) => {
    const lines = code.split("\n");
    // The last statement (possibly spanning lines) is the value shown; statements end with ";".
    let split = lines.length - 1;
    while (split > 0 && !(lines[split - 1] ?? "").trimEnd().endsWith(";")) split--;
    const body = `${lines.slice(0, split).join("\n")}\nreturn (${lines.slice(split).join("\n").replace(/;\s*$/, "")});`;
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as FunctionConstructor;
    const run = new AsyncFunction(...Object.keys(scope), body) as (...args: unknown[]) => Promise<unknown>;
    const value = await run(...Object.values(scope));
    expect(value).toEqual(new Function(`return (${expected});`)());
  });
});
