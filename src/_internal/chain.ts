// An append-only log by hash chaining (match-v1 §8.2): each entry carries `prev`, the digest of the entry before it
// (the genesis for the first), and the record publishes the digest of the last entry as the chain head. Editing or
// dropping an entry changes every later digest, so a copy published earlier (its head, its length) no longer
// matches. Internal: never exported from the package.
import { canonicalJson, sha256Hex } from "../draw/digest.js";

/** The digest before the first entry of a log, bound to the log's name and task so chains cannot be swapped. */
export function chainGenesis(name: string, taskId: string): string {
  return sha256Hex(canonicalJson({ chain: name, taskId }));
}

/** The digest of one entry, `prev` included: SHA-256 of its canonical JSON. */
export function entryDigest(entry: object): string {
  return sha256Hex(canonicalJson(entry));
}

/** The entry with `prev` set to the current head. */
export function chained<T extends object>(head: string, entry: T): T & { readonly prev: string } {
  return { ...entry, prev: head };
}

/** Where the chain breaks: the index of the first entry whose `prev` is not the digest before it, or -1. */
export function firstBreak(genesis: string, entries: readonly object[]): number {
  let head = genesis;
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k] as { prev?: unknown };
    if (e === null || typeof e !== "object" || e.prev !== head) return k;
    head = entryDigest(e);
  }
  return -1;
}

/** The head of a log: the digest of its last entry, or the genesis when empty. */
export function chainHead(genesis: string, entries: readonly object[]): string {
  return entries.length === 0 ? genesis : entryDigest(entries[entries.length - 1]!);
}

/**
 * Whether a log extends a copy published earlier: the earlier copy had `length` entries and head `head`; the log
 * must hold at least that many, and the digest after its first `length` entries must be that head.
 */
export function extendsHead(genesis: string, entries: readonly object[], earlier: { readonly length: number; readonly head: string }): boolean {
  if (!Number.isInteger(earlier.length) || earlier.length < 0 || earlier.length > entries.length) return false;
  return chainHead(genesis, entries.slice(0, earlier.length)) === earlier.head;
}
