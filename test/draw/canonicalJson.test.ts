// Canonical JSON (draw-v1 §5) sorts object keys in code point order, as Python's json.dumps(sort_keys=True) does:
// an astral key comes after U+E000–U+FFFF, where UTF-16 order (JS's `<`) would put it first.
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/draw/digest.js";

describe("canonicalJson", () => {
  it("orders keys by code point, not UTF-16 code unit", () => {
    expect(canonicalJson({ "\u{1F600}": 1, "\uFF21": 2, b: 3, a: { d: null, c: [1, "x"] } })).toBe('{"a":{"c":[1,"x"],"d":null},"b":3,"Ａ":2,"😀":1}');
  });
  it("drops undefined members and writes no whitespace", () => {
    expect(canonicalJson({ z: undefined, y: [true, null], x: "中文" })).toBe('{"x":"中文","y":[true,null]}');
  });
});
