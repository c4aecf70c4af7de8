// The append-only log of match-v1 §8.2 (and of replacements, once they use it): a hash chain whose head is published.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chained, chainGenesis, chainHead, entryDigest, extendsHead, firstBreak } from "../../src/_internal/chain.js";
import { canonicalJson, sha256Hex } from "../../src/draw/digest.js";

const build = (genesis: string, bodies: readonly object[]) => {
  const out: object[] = [];
  let head = genesis;
  for (const b of bodies) {
    const e = chained(head, b);
    out.push(e);
    head = entryDigest(e);
  }
  return out;
};

const bodyArb = fc.record({ targetId: fc.string(), reason: fc.constantFrom("close_relative", "direct_interest"), counter: fc.option(fc.nat(), { nil: null }) });

describe("chain", () => {
  it("the genesis is bound to the chain's name and task; an entry's digest is SHA-256 of its canonical JSON", () => {
    expect(chainGenesis("log", "T1")).toBe(sha256Hex('{"chain":"log","taskId":"T1"}'));
    expect(chainGenesis("log", "T1")).not.toBe(chainGenesis("log", "T2"));
    expect(entryDigest({ b: 1, a: "x" })).toBe(sha256Hex(canonicalJson({ a: "x", b: 1 })));
  });

  it("a log built by appending is unbroken, and its every prefix is extended by it", () => {
    fc.assert(
      fc.property(fc.array(bodyArb, { maxLength: 6 }), (bodies) => {
        const g = chainGenesis("log", "T");
        const log = build(g, bodies);
        expect(firstBreak(g, log)).toBe(-1);
        for (let k = 0; k <= log.length; k++) expect(extendsHead(g, log, { length: k, head: chainHead(g, log.slice(0, k)) })).toBe(true);
      }),
      { numRuns: 100, seed: 1 },
    );
  });

  it("dropping, editing, inserting or reordering an entry breaks the chain or the published head", () => {
    fc.assert(
      fc.property(fc.array(bodyArb, { minLength: 2, maxLength: 6 }), fc.nat(), fc.constantFrom("drop", "edit", "swap", "dropLast"), (bodies, at, how) => {
        const g = chainGenesis("log", "T");
        const log = build(g, bodies);
        const head = chainHead(g, log);
        const k = at % log.length;
        const copy = log.map((e) => ({ ...e }));
        if (how === "drop") copy.splice(k, 1);
        else if (how === "dropLast") copy.pop();
        else if (how === "edit") (copy[k] as { counter: number | null }).counter = ((copy[k] as { counter: number | null }).counter ?? -1) + 1;
        else [copy[0], copy[1]] = [copy[1]!, copy[0]!];
        const detected = firstBreak(g, copy) >= 0 || chainHead(g, copy) !== head || !extendsHead(g, copy, { length: log.length, head });
        // Swapping two equal entries changes nothing: that is no edit.
        if (how === "swap" && canonicalJson(log[0]) === canonicalJson(log[1])) return;
        expect(detected).toBe(true);
      }),
      { numRuns: 200, seed: 2 },
    );
  });

  it("a copy longer than the log, or of a negative length, is not extended", () => {
    const g = chainGenesis("log", "T");
    const log = build(g, [{ a: 1 }]);
    expect(extendsHead(g, log, { length: 2, head: g })).toBe(false);
    expect(extendsHead(g, log, { length: -1, head: g })).toBe(false);
    expect(extendsHead(g, [], { length: 0, head: g })).toBe(true);
  });
});
