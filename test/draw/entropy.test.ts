// draw-v1 §6.1, commit–reveal: a secret that could never be revealed is refused when it is committed (issue 15).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commitSecret, revealEntropy } from "../../src/draw/entropy.js";

const codes = (r: { ok: boolean; issues?: readonly { code: string }[] }) => (r.ok ? [] : (r.issues ?? []).map((i) => i.code));

describe("commitSecret", () => {
  it("refuses commitSecret('a/b') at commit time: revealEntropy would refuse it, and the draw could never complete", () => {
    expect(codes(commitSecret("a/b"))).toEqual(["entropy_invalid"]);
    expect(codes(revealEntropy(["0".repeat(64)], ["a/b"]))).toEqual(["entropy_invalid"]);
  });

  it("every secret it commits to can be revealed (property)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (secret) => {
        const c = commitSecret(secret);
        if (!c.ok) return;
        const r = revealEntropy([c.value], [secret]);
        expect(r.ok).toBe(true);
      }),
      { numRuns: 300, seed: 43 },
    );
  });

  it("keeps the commitment of an ordinary secret byte-identical", () => {
    expect(commitSecret("abc")).toEqual({ ok: true, value: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", warnings: [] });
  });
});

describe("entropyShapeIssues (draw-v1 §6.1: the announcement fixes the entropy's shape)", () => {
  it("refuses a lottery with a number added or left out, and dice with another count of digits", async () => {
    const { entropyShapeIssues, lotteryEntropy, diceEntropy } = await import("../../src/draw/entropy.js");
    const source = { kind: "lottery" as const, description: "双色球", numbers: [6, 1] };
    const good = lotteryEntropy([{ numbers: [33, 7, 1, 20, 15, 9] }, { numbers: [12] }]);
    const extra = lotteryEntropy([{ numbers: [33, 7, 1, 20, 15, 9, 4] }, { numbers: [12] }]);
    const fewer = lotteryEntropy([{ numbers: [33, 7, 1, 20, 15, 9] }]);
    expect(good.ok && entropyShapeIssues(source, good.value)).toEqual([]);
    expect(extra.ok && entropyShapeIssues(source, extra.value).map((i) => i.code)).toEqual(["entropy_invalid"]);
    expect(fewer.ok && entropyShapeIssues(source, fewer.value).map((i) => i.code)).toEqual(["entropy_invalid"]);
    const dice = { kind: "dice", description: "公开掷骰", digits: 20 } as const;
    expect(entropyShapeIssues(dice, unwrapOk(diceEntropy("31415926535897932384")))).toEqual([]);
    expect(entropyShapeIssues(dice, unwrapOk(diceEntropy("314159265358979323846"))).map((i) => i.code)).toEqual(["entropy_invalid"]);
    // An announcement made before the shape could be fixed: nothing to check.
    expect(entropyShapeIssues({ kind: "dice", description: "公开掷骰" }, unwrapOk(diceEntropy("3")))).toEqual([]);
  });
});

function unwrapOk<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error("expected ok");
  return r.value;
}
