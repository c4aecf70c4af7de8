// SHA-256 for the draw: Node's own (OpenSSL, SHA-NI where the CPU has it; ~8× faster on a manifest) when the
// library runs in Node, @noble/hashes everywhere else. Same bytes (test/draw/sha256.test.ts). `node:crypto` is
// reached through `process.getBuiltinModule` (Node ≥ 20.16; engines says ≥ 20.19), never imported: a bundler for
// the browser sees no Node module and the script-tag bundles stay free of it.
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";

/** An incremental SHA-256 (node:crypto's Hash and @noble/hashes' hasher both are one). @internal */
export interface Sha256 {
  update(data: Uint8Array): Sha256;
  digest(): Uint8Array;
}

type CreateHash = (algorithm: "sha256") => Sha256;

// Captured once: other people's pages may replace globals later.
const nodeCreateHash: CreateHash | undefined = /* @__PURE__ */ (() => {
  try {
    return (globalThis as { process?: { getBuiltinModule?: (id: string) => { createHash?: CreateHash } | undefined } }).process?.getBuiltinModule?.("node:crypto")?.createHash;
  } catch {
    return undefined;
  }
})();

/** Which implementation {@link createSha256} uses here: `node` (node:crypto) or `noble` (@noble/hashes). @internal */
export const SHA256_BACKEND: "node" | "noble" = nodeCreateHash ? "node" : "noble";

/** A new incremental SHA-256 (`noble` forces @noble/hashes, for the tests that compare the two). @internal */
export function createSha256(backend: "auto" | "noble" = "auto"): Sha256 {
  return nodeCreateHash && backend === "auto" ? nodeCreateHash("sha256") : nobleSha256.create();
}

/** SHA-256 of some bytes, as a plain Uint8Array. @internal */
export function sha256Bytes(data: Uint8Array, backend: "auto" | "noble" = "auto"): Uint8Array {
  // Below a few hundred bytes the native call costs more than it saves.
  if (!nodeCreateHash || backend === "noble" || data.length < 512) return nobleSha256(data);
  const d = nodeCreateHash("sha256").update(data).digest();
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}
