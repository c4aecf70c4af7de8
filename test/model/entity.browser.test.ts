// The isomorphic core imported as ESM in Chromium behaves as in Node.
import { describe, expect, it } from "vitest";
import { parseEntityPoolCsv, usccCheckCharacter, validateUscc } from "../../src/index.js";

describe("models in the browser", () => {
  it("validates USCC check characters", () => {
    expect(usccCheckCharacter("91350100M000100Y4")).toBe("3");
    expect(validateUscc("91350100M000100Y44")[0]?.code).toBe("uscc_invalid_check");
  });
  it("reads a pool CSV with Chinese headers and names a duplicate's rows", () => {
    const r = parseEntityPoolCsv("统一社会信用代码,名称\nA1,甲\nA1,乙\n");
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: "duplicate_entity_id", params: { first: 2, second: 3 } });
  });
});
