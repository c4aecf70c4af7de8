// --stratify as typed → the canonical stratification string (src/cli/commands/manifest.ts): x or * for ×, region alone
// for region:county, levels in Chinese; the library's parser then has the last word.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseStratify, stratifyOf } from "../../src/cli/commands/manifest.js";
import { stratifier, type Issue } from "../../src/index.js";

const part = fc.oneof(
  fc.constant("tier"),
  fc.constantFrom("region:county", "region:city", "region:province"),
  fc.stringMatching(/^attribute:[a-z行业规模类型]{1,6}$/),
);
const canonical = fc.uniqueArray(part, { minLength: 1, maxLength: 3, selector: (p) => p.split(":")[0] === "attribute" ? p : p.split(":")[0] }).map((ps) => ps.join("×"));

describe("normaliseStratify", () => {
  it("reads what people type", () => {
    expect(["tierxregion", "tier x region:city", "tier*region", "region:县级×tier", "tier × region:地级", " none ", "region:省"].map(normaliseStratify))
      .toEqual(["tier×region:county", "tier×region:city", "tier×region:county", "region:county×tier", "tier×region:city", "none", "region:province"]);
    // An x inside an attribute's name is part of the name.
    expect(normaliseStratify("attribute:tax")).toBe("attribute:tax");
    expect(normaliseStratify("tierxattribute:taxregion")).toBe("tier×attribute:taxregion");
  });

  it("property: leaves a canonical string as it is, and reads x or * typed for × between parts", () => {
    fc.assert(fc.property(canonical, fc.constantFrom("×", "*", " x ", " * "), (s, sign) => {
      expect(stratifier(s).ok).toBe(true);
      expect(normaliseStratify(s)).toBe(s);
      expect(normaliseStratify(s.split("×").join(sign))).toBe(s);
    }));
  });

  it("stratifyOf: tier by default; a bad value is a usage error naming what is allowed", () => {
    const issues: Issue[] = [];
    expect(stratifyOf({}, issues)).toBe("tier");
    expect(stratifyOf({ stratify: "region" }, issues)).toBe("region:county");
    expect(issues).toEqual([]);
    stratifyOf({ stratify: "county" }, issues);
    expect(issues.map((i) => i.code)).toEqual(["cli_bad_option"]);
    expect(issues[0]!.message.zh).toContain("region（按县级行政区划代码");
    expect(issues[0]!.message.en).toContain("allowed: none, tier");
  });
});
