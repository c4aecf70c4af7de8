import { describe, expect, it } from "vitest";
import { replaceSelections } from "../../src/draw/replace.js";
import { drawWithoutReplacement } from "../../src/draw/rivest.js";
import { verifyDraw } from "../../src/draw/verify.js";
import { unwrap } from "../../src/result.js";
import { drawn, SALT, tieredPool } from "./_fixtures.js";

const pool = tieredPool(70);
const { record, manifest } = drawn(pool);

describe("replaceSelections (补抽)", () => {
  it("continues the same stratum stream: the next unused pick after the original ones", () => {
    const target = record.selections[0]!;
    const r = unwrap(replaceSelections(record, pool, [{ id: target.id, reason: "已注销" }], { salt: SALT }));
    expect(r.replacements).toHaveLength(1);
    const rep = r.replacements[0]!;
    const s = record.strata.find((x) => x.key === target.stratum)!;
    // The stream of n + 1 picks without replacement: the replacement is its last pick.
    const stream = drawWithoutReplacement(s.seed, s.N, s.n + 1, new Set());
    const last = stream[stream.length - 1]!;
    expect(rep).toEqual({ replaces: target.id, reason: "已注销", id: manifest.strata.find((m) => m.key === s.key)!.ids[last.index - 1], stratum: s.key, counter: last.counter, hash: last.hash, index: last.index });
    expect(verifyDraw(r, pool, { salt: SALT }).ok).toBe(true);
  });

  it("chains: a replacement can itself be replaced, and the log verifies", () => {
    const target = record.selections[2]!;
    const r1 = unwrap(replaceSelections(record, pool, [{ id: target.id, reason: "无法联系" }], { salt: SALT }));
    const r2 = unwrap(replaceSelections(r1, pool, [{ id: r1.replacements[0]!.id, reason: "经营场所已关闭" }], { salt: SALT }));
    expect(r2.replacements.map((x) => x.counter)).toEqual([r1.replacements[0]!.counter, r2.replacements[1]!.counter]);
    expect(r2.replacements[1]!.counter).toBeGreaterThan(r2.replacements[0]!.counter);
    expect(verifyDraw(r2, [...pool].reverse(), { salt: SALT }).ok).toBe(true);
  });

  it("refuses an id that was not drawn, a missing reason, and an exhausted stratum", () => {
    const codeOf = (r: ReturnType<typeof replaceSelections>) => (!r.ok ? r.issues[0]?.code : undefined);
    expect(codeOf(replaceSelections(record, pool, [{ id: "E9999", reason: "x" }], { salt: SALT }))).toBe("replacement_invalid");
    expect(codeOf(replaceSelections(record, pool, [{ id: record.selections[0]!.id, reason: " " }], { salt: SALT }))).toBe("replacement_invalid");
    const whole = drawn(tieredPool(14), { sizes: { A: 2, B: 1, C: 1, D: 2 } });
    const d = whole.record.selections.find((x) => x.counter === null)!;
    expect(codeOf(replaceSelections(whole.record, tieredPool(14), [{ id: d.id, reason: "x" }], { salt: SALT }))).toBe("stratum_exhausted");
  });

  it("verifyDraw detects a forged replacement", () => {
    const target = record.selections[0]!;
    const r = unwrap(replaceSelections(record, pool, [{ id: target.id, reason: "已注销" }], { salt: SALT }));
    const other = manifest.strata.find((m) => m.key === target.stratum)!.ids.find((id) => !r.selections.some((s) => s.id === id) && id !== r.replacements[0]!.id)!;
    const forged = { ...r, replacements: [{ ...r.replacements[0]!, id: other }] };
    const v = verifyDraw(forged, pool, { salt: SALT });
    expect(!v.ok && v.issues[0]?.code).toBe("replacement_mismatch");
    const bogus = { ...r, replacements: [{ ...r.replacements[0]!, replaces: "E9999" }] };
    const w = verifyDraw(bogus, pool, { salt: SALT });
    expect(!w.ok && w.issues[0]?.code).toBe("replacement_invalid");
  });

  it("does not mutate the record", () => {
    const before = structuredClone(record);
    replaceSelections(record, pool, [{ id: record.selections[0]!.id, reason: "已注销" }], { salt: SALT });
    expect(record).toEqual(before);
  });
});
