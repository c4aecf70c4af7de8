// Public functions of the model area never throw on user data, whatever its type: they return issues.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseCheckItem, parseEntity, parseEntityPool, parseEntityPoolCsv, parseEntityPoolRows, parseInspector, parseInspectorPool,
  parseInspectorPoolCsv, parseInspectorPoolRows, parsePlan, parseRiskTier, parseTask, validateUscc, looksLikeUscc,
  usccCheckCharacter,
} from "../../src/index.js";

const fns: Record<string, (x: never) => unknown> = {
  parseCheckItem, parseEntity, parseEntityPool, parseEntityPoolCsv, parseEntityPoolRows, parseInspector, parseInspectorPool,
  parseInspectorPoolCsv, parseInspectorPoolRows, parsePlan, parseRiskTier, parseTask, validateUscc, looksLikeUscc,
  usccCheckCharacter,
};
const garbage = fc.oneof(fc.anything(), fc.array(fc.anything()), fc.array(fc.array(fc.anything())), fc.string());

describe("model functions on garbage", () => {
  it.each(Object.keys(fns))("%s never throws", (name) => {
    fc.assert(fc.property(garbage, (x) => { (fns[name] as (x: unknown) => unknown)(x); }), { numRuns: 300 });
  });
  it("a non-text pool file is an issue, not an exception", () => {
    const r = parseEntityPoolCsv(42 as unknown as string);
    expect(r.ok ? null : r.issues[0]?.code).toBe("invalid_type");
  });
});

describe("parseRiskTier on values that are not text", () => {
  it("an object whose toString is not callable is invalid_type, not a TypeError (found by the property above)", () => {
    const r = parseRiskTier([{ toString: 0 }] as unknown as string);
    expect(r.ok ? null : r.issues[0]?.code).toBe("invalid_type");
    expect(r.ok ? null : r.issues[0]?.message.en).toContain("array");
  });
  it("a number is invalid_type too: tiers are letters or labels", () => {
    expect(parseRiskTier(3 as unknown as string).ok).toBe(false);
  });
});
