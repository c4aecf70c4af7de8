// The draw benchmark's workload, shared by Node (bench/draw.bench.ts) and the Chromium bundle: a pool of n
// entities in 4 tiers, 5% drawn per tier; the floor is a code-point sort of the ids plus one SHA-256 over the
// manifest bytes, measured in the same run.
import { sha256 } from "@noble/hashes/sha2.js";
import seedrandom from "seedrandom";
import { sortCodePointsInPlace } from "../src/draw/order.js";
import { announce, diceEntropy, draw, type DrawEntity, type RiskTier, unwrap, verifyDraw } from "../src/index.js";

export interface Timings {
  readonly n: number;
  readonly floorMs: number;
  readonly announceMs: number;
  readonly drawMs: number;
  readonly verifyMs: number;
  readonly picks: number;
}

const TIERS: readonly RiskTier[] = ["A", "B", "C", "D"];

/**
 * Deterministic USCC-shaped ids (18 characters: "9141", 6 digits from a seeded seedrandom stream, the index in 8
 * digits, so ids are unique up to 10^8), tiers in round robin.
 */
export function makePool(n: number): DrawEntity[] {
  const random = seedrandom.alea("bench/draw/pool");
  const pool: DrawEntity[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const prefix = String(Math.floor(random() * 1e6)).padStart(6, "0");
    pool[k] = { id: `9141${prefix}${String(k).padStart(8, "0")}`, tier: TIERS[k % 4] as RiskTier };
  }
  return pool;
}

/**
 * The floor: sort the ids in code point order with the fastest sort we have (the draw's own: radix for
 * ASCII ids) and one SHA-256 over the manifest bytes, fed in pieces of 65,536 lines (faster than one giant string).
 */
export function floor(pool: readonly DrawEntity[]): string {
  const ids = pool.map((e) => e.id);
  sortCodePointsInPlace(ids, false);
  const hash = sha256.create();
  const encoder = new TextEncoder();
  for (let start = 0; start < ids.length; start += 65_536) {
    let text = "";
    const end = Math.min(start + 65_536, ids.length);
    for (let k = start; k < end; k++) text += `${ids[k]}\tS0123456789ab\n`;
    hash.update(encoder.encode(text));
  }
  return String(hash.digest()[0]);
}

// Wall time, or with `clock = "cpu"` the process's CPU time (Node only: user + system of all its threads,
// GC helpers included; less disturbed by the other jobs on this 2-core machine than wall time).
const proc = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
function clockOf(kind: "wall" | "cpu"): () => number {
  if (kind === "cpu" && proc?.cpuUsage) return () => { const u = proc.cpuUsage!(); return (u.user + u.system) / 1000; };
  return () => performance.now();
}

/** Best of `reps` for each step (others share this machine: the minimum is the least disturbed run). */
export function measure(n: number, reps: number, pool: readonly DrawEntity[] = makePool(n), clock: "wall" | "cpu" = "wall"): Timings {
  const now = clockOf(clock);
  const salt = "bench-salt-0123456789";
  const each = Math.round(n / 4 / 20);
  const sizes = { A: each, B: each, C: each, D: each };
  const entropy = unwrap(diceEntropy("31415926535897932384"));
  let floorMs = Infinity;
  let announceMs = Infinity;
  let drawMs = Infinity;
  let verifyMs = Infinity;
  let picks = 0;
  for (let r = 0; r < reps; r++) {
    let t = now();
    floor(pool);
    floorMs = Math.min(floorMs, now() - t);
    t = now();
    const a = unwrap(announce({ taskId: "BENCH", pool, stratify: "tier", salt, sizes, entropySource: { kind: "dice", description: "bench" } }));
    announceMs = Math.min(announceMs, now() - t);
    t = now();
    const record = unwrap(draw(a.announcement, pool, entropy, { salt }));
    drawMs = Math.min(drawMs, now() - t);
    t = now();
    if (!verifyDraw(record, pool, { salt }).ok) throw new Error("verifyDraw failed on its own record");
    verifyMs = Math.min(verifyMs, now() - t);
    picks = record.selections.length;
  }
  return { n, floorMs, announceMs, drawMs, verifyMs, picks };
}
