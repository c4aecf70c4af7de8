// The property of issue 16 item 4, shared by the test files of this folder (split so that they run side by side):
// 10^5 fuzzed cells through each reader give Results, never a throw; every issue is a catalog code with bounded
// messages; and one 100k-character cell gives a handful of short issues (spans quoted, issues capped per cell).
import { describe, expect, it } from "vitest";
import { messages } from "../../src/index.js";
import { READERS, type Outcome, type Reader } from "./_parsers.js";
import { fuzzCell, generator, shortCell } from "./_vocabulary.js";

export const CELLS = 100_000;
const CHUNK = 1_000;
/** Longest message of any issue (characters): quoted user text is cut to 480 characters. */
const MAX_MESSAGE = 2_000;
const SEVERITIES = new Set(["error", "warning", "info"]);

function checkIssues(reader: Reader, out: Outcome): void {
  for (const i of out) {
    if (!Object.prototype.hasOwnProperty.call(messages, i.code) || !SEVERITIES.has(i.severity)) {
      throw new Error(`${reader.name}: malformed issue ${JSON.stringify(i).slice(0, 300)}`);
    }
    if (typeof i.message?.zh !== "string" || typeof i.message.en !== "string" || i.message.zh.length > MAX_MESSAGE || i.message.en.length > MAX_MESSAGE) {
      throw new Error(`${reader.name}: ${i.code} message of ${i.message?.zh?.length} characters`);
    }
  }
}

/** Feeds the cells in chunks; on a throw, names the first cell that throws alone (as a JSON string). */
function feed(reader: Reader, cells: readonly string[]): number {
  let issues = 0;
  for (let k = 0; k < cells.length; k += CHUNK) {
    const chunk = cells.slice(k, k + CHUNK);
    let out: Outcome;
    try {
      out = reader.many(chunk);
    } catch (e) {
      const culprit = chunk.find((c) => {
        try {
          reader.many([c]);
          return false;
        } catch {
          return true;
        }
      });
      throw new Error(`${reader.name} threw ${String(e)} on ${culprit === undefined ? `a chunk from cell ${k}` : JSON.stringify(culprit)}`);
    }
    checkIssues(reader, out);
    issues += out.length;
  }
  return issues;
}

/** The tests of the readers named (each name must be one of READERS). */
export function fuzzReaders(names: readonly string[], seed: number): void {
  const readers = names.map((n) => {
    const r = READERS.find((x) => x.name === n);
    if (!r) throw new Error(`no reader "${n}"`);
    return r;
  });
  const next = generator(seed);
  const cells = Array.from({ length: CELLS }, () => shortCell(next));
  const long = fuzzCell(100_000, seed);

  describe.each(readers.map((r) => [r.name, r] as const))("%s", (_name, reader) => {
    it(`reads ${CELLS} fuzzed cells without throwing, every issue coded and short`, () => {
      const issues = feed(reader, cells);
      // The cells are hostile: a reader that reports nothing at all on them is not reading them.
      if (!reader.name.startsWith("resultCategoryOf")) expect(issues).toBeGreaterThan(0);
    });

    it("reads a 100k-character cell into a few short issues (each under 8,000 characters of JSON)", () => {
      const out = reader.run(long);
      checkIssues(reader, out);
      if (!reader.wholeFile) expect(out.length).toBeLessThanOrEqual(40);
      for (const i of out) expect(JSON.stringify(i).length).toBeLessThan(8_000);
    });
  });
}
