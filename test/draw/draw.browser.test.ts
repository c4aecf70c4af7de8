// The same records come out in Chromium as in Node: the frozen vectors (made and checked in Node, re-checked by
// Python) are rebuilt here in the browser and must match byte for byte, and verify there.
import { describe, expect, it } from "vitest";
import { buildManifest } from "../../src/draw/manifest.js";
import { verifyDraw } from "../../src/draw/verify.js";
import { verifyDrawManifest } from "../../src/draw/verifyManifest.js";
import { unwrap } from "../../src/result.js";
import { rivestSample } from "../../src/draw/stream.js";
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

  it("verifies the Node-made records from their manifests, with the same issues as in Node", () => {
    const v = vectors as unknown as ReturnType<typeof makeVectors>;
    const { salt, pool, record } = v.stratified;
    const manifest = JSON.parse(JSON.stringify(unwrap(buildManifest(pool, { stratify: "tier", salt, exclusions: { recentInspection: record.announcement.exclusions.rules.recentInspection! } }))));
    const good = verifyDrawManifest(record, manifest, { salt });
    // Vector 2 predates the replacement chain (draw-v1 §7.2): verifiable, with the two warnings that say so.
    expect(good.ok && good.warnings.map((w) => w.code)).toEqual(["replacement_log_unchained", "replacement_unaccountable", "exclusions_not_checked"]);
    manifest.strata[0].ids.reverse();
    const bad = verifyDrawManifest(record, manifest, { salt });
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual(["manifest_order_invalid", "replacement_log_unchained", "replacement_unaccountable", "exclusions_not_checked"]);
    const u = v.unstratified;
    expect(verifyDrawManifest(u.record, unwrap(buildManifest(u.pool, { stratify: "none", salt: u.salt })), { salt: u.salt }).ok).toBe(true);
  });

  it("reproduces sampler.py's without-replacement vector", () => {
    const r = rivestSample({ seed: "3546311556112163624615351222", total: 876, count: 5 });
    expect(r.ok && r.value).toEqual([740, 180, 264, 789, 238]);
  });
});
