// The same records come out in Chromium as in Node: the frozen vectors (made and checked in Node, re-checked by
// Python) are rebuilt here in the browser and must match byte for byte, and verify there.
import { describe, expect, it } from "vitest";
import { verifyDraw } from "../../src/draw/verify.js";
import { rivestSample } from "../../src/draw/rivest.js";
import vectors from "./draw-v1-vectors.json" with { type: "json" };
import { makeVectors } from "./_vectors.js";

describe("draw in Chromium", () => {
  it("rebuilds every draw-v1 vector exactly (stratified, replacements, astral ids, chunked digest)", () => {
    expect(JSON.parse(JSON.stringify(makeVectors()))).toEqual(vectors);
  });

  it("verifies the Node-made records", () => {
    const v = vectors as unknown as ReturnType<typeof makeVectors>;
    expect(verifyDraw(v.stratified.record, v.stratified.pool, { salt: v.stratified.salt }).ok).toBe(true);
    expect(verifyDraw(v.unstratified.record, [...v.unstratified.pool].reverse(), { salt: v.unstratified.salt }).ok).toBe(true);
  });

  it("reproduces sampler.py's without-replacement vector", () => {
    const r = rivestSample({ seed: "3546311556112163624615351222", total: 876, count: 5 });
    expect(r.ok && r.value).toEqual([740, 180, 264, 789, 238]);
  });
});
