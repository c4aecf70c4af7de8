// Lower-case hex of bytes as one flat string. @noble/hashes' bytesToHex (where Uint8Array.prototype.toHex is
// missing: Node 20–24, most browsers) appends two characters at a time, and V8 keeps the result as a rope of 32
// pieces: ~800 bytes of heap per SHA-256 until something flattens it. A draw record holds one hash per selection,
// so at 500,000 selections the ropes alone took ~400 MB and most of the collector's time.

const DIGITS = /* @__PURE__ */ (() => Uint16Array.from("0123456789abcdef", (c) => c.charCodeAt(0)))();
// One scratch array per length up to 64 bytes (a SHA-256 is 32): String.fromCharCode reads its codes from it.
const codes: Uint16Array[] = [];

/** Lower-case hex of `bytes`, a flat string (same text as @noble/hashes' bytesToHex). @internal */
export function hexOf(bytes: Uint8Array): string {
  const n = bytes.length;
  if (n > 64) {
    let text = "";
    for (let start = 0; start < n; start += 64) text += hexOf(bytes.subarray(start, Math.min(n, start + 64)));
    return text;
  }
  const out = codes[n] ?? (codes[n] = new Uint16Array(2 * n));
  for (let k = 0; k < n; k++) {
    const b = bytes[k] as number;
    out[2 * k] = DIGITS[b >> 4] as number;
    out[2 * k + 1] = DIGITS[b & 15] as number;
  }
  return String.fromCharCode.apply(null, out as unknown as number[]);
}
