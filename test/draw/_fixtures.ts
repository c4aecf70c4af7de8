// Shared fixtures of the draw tests: a small tiered pool shaped like the 焦作 娱乐场所 pool.
import type { DrawEntity } from "../../src/draw/pool.js";
import { announce, type AnnounceInput } from "../../src/draw/announce.js";
import { draw } from "../../src/draw/draw.js";
import { diceEntropy } from "../../src/draw/entropy.js";
import { unwrap } from "../../src/result.js";

export const SALT = "焦作-2023-盐值-7f3a9c21b4e8";

/** n entities E0001…, tiers cycling D, C, B, A, B, C, B (more B, as real pools have). */
export function tieredPool(n: number, prefix = "E"): DrawEntity[] {
  const tiers = ["D", "C", "B", "A", "B", "C", "B"] as const;
  return Array.from({ length: n }, (_, k) => ({ id: `${prefix}${String(k + 1).padStart(4, "0")}`, tier: tiers[k % tiers.length] }));
}

export function baseInput(pool: readonly DrawEntity[], over: Partial<AnnounceInput> = {}): AnnounceInput {
  return {
    taskId: "JZ-2023-GA-07",
    taskName: "娱乐场所治安管理监督检查",
    pool,
    stratify: "tier",
    salt: SALT,
    sizes: { A: 1, B: 3, C: 2, D: 2 },
    entropySource: { kind: "dice", description: "2023-06-01 10:00 焦作市公安局大厅公开掷十面骰20次" },
    ...over,
  };
}

export const DICE = "31415926535897932384";

export function drawn(pool: readonly DrawEntity[], over: Partial<AnnounceInput> = {}, dice = DICE) {
  const { announcement, manifest } = unwrap(announce(baseInput(pool, over)));
  const record = unwrap(draw(announcement, pool, unwrap(diceEntropy(dice)), { salt: over.salt ?? SALT }));
  return { announcement, manifest, record };
}
