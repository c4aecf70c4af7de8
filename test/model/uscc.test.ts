import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { usccCheckCharacter, validateUscc } from "../../src/index.js";

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

describe("validateUscc", () => {
  it("accepts published valid codes", () => {
    // Examples printed in GB 32100-2015 guidance and on 国家企业信用信息公示系统 pages.
    for (const code of ["91350100M000100Y43", "91110000802100433B", "91440300708461136T"]) {
      expect(validateUscc(code)).toEqual([]);
    }
  });

  it("names the expected check character when it is wrong", () => {
    const [issue] = validateUscc("91350100M000100Y44");
    expect(issue?.code).toBe("uscc_invalid_check");
    expect(issue?.params).toMatchObject({ expected: "3", received: "4" });
    expect(issue?.message.zh).toContain("校验位错误");
  });

  it("rejects wrong length and letters the standard never uses", () => {
    expect(validateUscc("9135010")[0]?.code).toBe("uscc_invalid_length");
    expect(validateUscc("91350100M00010OY43")[0]).toMatchObject({ code: "uscc_invalid_character", params: { position: 15, char: "O" } });
  });

  it("detects every single-character substitution (property)", () => {
    const body = fc.array(fc.constantFrom(...CHARSET), { minLength: 17, maxLength: 17 }).map((a) => a.join(""));
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (b, pos, shift) => {
        const valid = b + usccCheckCharacter(b);
        expect(validateUscc(valid)).toEqual([]);
        const c = CHARSET.indexOf(valid.charAt(pos));
        const changed = valid.slice(0, pos) + CHARSET.charAt((c + shift) % 31) + valid.slice(pos + 1);
        expect(validateUscc(changed)).not.toEqual([]);
      }),
    );
  });
});
