import { bytesToHex } from "@noble/hashes/utils.js";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { hexOf } from "../../src/_internal/hex.js";

describe("hexOf", () => {
  it("writes the same text as @noble/hashes' bytesToHex, for every byte value and length", () => {
    const random = seedrandom.alea("hexOf");
    expect(hexOf(Uint8Array.from({ length: 256 }, (_, b) => b))).toBe(bytesToHex(Uint8Array.from({ length: 256 }, (_, b) => b)));
    for (let length = 0; length <= 200; length++) {
      const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      expect(hexOf(bytes)).toBe(bytesToHex(bytes));
    }
  });

  it("reads only the view it is given, and leaves no state behind between lengths", () => {
    const whole = Uint8Array.from([0xff, 0x01, 0xab, 0x00, 0x10]);
    expect(hexOf(whole.subarray(1, 4))).toBe("01ab00");
    expect(hexOf(new Uint8Array(0))).toBe("");
    expect(hexOf(Uint8Array.of(0x0f))).toBe("0f");
    expect(hexOf(whole)).toBe("ff01ab0010");
  });
});
