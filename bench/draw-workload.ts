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
  /** announce on a pool this process has not prepared yet. */
  readonly announceMs: number;
  /** draw right after announce, on the same pool array (the preparation is shared). */
  readonly drawMs: number;
  /** draw on a pool array this process has not prepared (a copy): the pool is rebuilt and hashed. */
  readonly drawColdMs: number;
  /** verifyDraw on a pool array this process has not prepared (what an auditor runs). */
  readonly verifyMs: number;
  readonly picks: number;
  /** The same steps in the process's CPU time (Node; wall time in a browser). */
  readonly cpu: Omit<Timings, "n" | "picks" | "cpu">;
}

const TIERS: readonly RiskTier[] = ["A", "B", "C", "D"];

/**
 * Deterministic USCC-shaped ids (18 characters: "9141", 6 digits from a seeded seedrandom stream, the index in 8
 * digits, so ids are unique up to 10^8), tiers in round robin. Each id is one flat string, as JSON.parse, a CSV
 * reader or a database driver hands them over (a template literal would build a rope that V8 flattens, allocating
 * again, on first read).
 */
export function makePool(n: number): DrawEntity[] {
  const random = seedrandom.alea("bench/draw/pool");
  const pool: DrawEntity[] = [];
  const codes = [57, 49, 52, 49, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let k = 0; k < n; k++) {
    let prefix = Math.floor(random() * 1e6);
    for (let p = 9; p >= 4; p--) {
      codes[p] = 48 + (prefix % 10);
      prefix = Math.floor(prefix / 10);
    }
    let index = k;
    for (let p = 17; p >= 10; p--) {
      codes[p] = 48 + (index % 10);
      index = Math.floor(index / 10);
    }
    pool.push({ id: String.fromCharCode(...codes), tier: TIERS[k % 4] as RiskTier });
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

type Steps = Omit<Timings, "n" | "picks" | "cpu">;

/**
 * One round of every step on fresh copies of the pool array (so "cold" steps find nothing prepared), in wall time
 * and (in Node) in the process's CPU time.
 */
export function round(n: number, pool: readonly DrawEntity[]): Timings {
  const wall = clockOf("wall");
  const cpu = clockOf("cpu");
  const w: Record<string, number> = {};
  const c: Record<string, number> = {};
  const time = <T>(step: keyof Steps, f: () => T): T => {
    const w0 = wall();
    const c0 = cpu();
    const out = f();
    w[step] = wall() - w0;
    c[step] = cpu() - c0;
    return out;
  };
  const salt = "bench-salt-0123456789";
  const each = Math.round(n / 4 / 20);
  const sizes = { A: each, B: each, C: each, D: each };
  const entropy = unwrap(diceEntropy("31415926535897932384"));
  time("floorMs", () => floor(pool));
  // Each copy lives only for its step (at 10^7 a copy of the array is 80 MB).
  let shared: DrawEntity[] | null = pool.slice();
  const a = time("announceMs", () => unwrap(announce({ taskId: "BENCH", pool: shared as DrawEntity[], stratify: "tier", salt, sizes, entropySource: { kind: "dice", description: "bench" } })));
  const record = time("drawMs", () => unwrap(draw(a.announcement, shared as DrawEntity[], entropy, { salt })));
  shared = null;
  let other: DrawEntity[] | null = pool.slice();
  const again = time("drawColdMs", () => unwrap(draw(a.announcement, other as DrawEntity[], entropy, { salt })));
  other = null;
  if (again.selections.length !== record.selections.length || again.seed !== record.seed) throw new Error("cold and shared draws differ");
  let auditor: DrawEntity[] | null = pool.slice();
  const verified = time("verifyMs", () => verifyDraw(record, auditor as DrawEntity[], { salt }));
  auditor = null;
  if (!verified.ok) throw new Error("verifyDraw failed on its own record");
  return { n, picks: record.selections.length, ...(w as unknown as Steps), cpu: c as unknown as Steps };
}

/** Best of `reps` for each step (others share this machine: the minimum is the least disturbed run). */
export function measure(n: number, reps: number, pool: readonly DrawEntity[] = makePool(n)): Timings {
  let best: Timings | undefined;
  for (let r = 0; r < reps; r++) best = bestOf(best, round(n, pool));
  return best as Timings;
}

/** Step-wise minimum of two rounds. */
export function bestOf(a: Timings | undefined, b: Timings): Timings {
  if (!a) return b;
  const min = (x: Omit<Timings, "n" | "picks" | "cpu">, y: Omit<Timings, "n" | "picks" | "cpu">) => ({
    floorMs: Math.min(x.floorMs, y.floorMs), announceMs: Math.min(x.announceMs, y.announceMs), drawMs: Math.min(x.drawMs, y.drawMs),
    drawColdMs: Math.min(x.drawColdMs, y.drawColdMs), verifyMs: Math.min(x.verifyMs, y.verifyMs),
  });
  return { n: b.n, picks: b.picks, ...min(a, b), cpu: min(a.cpu, b.cpu) };
}
