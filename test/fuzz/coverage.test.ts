// The fuzz readers (./_parsers.ts) cover every exported reader of user text, and every one of them is fuzzed by a test
// file of this folder: a new parse*/read*/import*/lint* export without a fuzz entry fails here.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as files from "../../src/files/index.js";
import * as main from "../../src/index.js";
import { READERS } from "./_parsers.js";

/** Exported functions that read text a user wrote (a cell, a file, a plan), by name. */
const READS_TEXT = /^(parse|read|import|lint|locate|validate|looksLike)[A-Z]|^(resultCategoryOf|checkMethodOf)$/;
const exported = [...Object.entries(main), ...Object.entries(files)]
  .filter(([name, value]) => typeof value === "function" && READS_TEXT.test(name))
  .map(([name]) => name);

describe("fuzz coverage", () => {
  it("finds the readers it is about", () => {
    expect(exported).toEqual(expect.arrayContaining(["parseQuota", "parsePlan", "lintPlan", "readTable", "readExpertPool", "locateHeader"]));
  });

  it.each([...new Set(exported)])("%s has a fuzz reader", (name) => {
    expect(READERS.some((r) => new RegExp(`(^|[ ,])${name}\\b`).test(r.name))).toBe(true);
  });

  it("fuzzes every reader in some test file of test/fuzz", () => {
    const dir = new URL(".", import.meta.url).pathname;
    const sources = readdirSync(dir).filter((f) => f.endsWith(".test.ts")).map((f) => readFileSync(dir + f, "utf8")).join("\n");
    const missing = READERS.map((r) => r.name).filter((n) => !sources.includes(JSON.stringify(n)));
    expect(missing).toEqual([]);
  });
});
