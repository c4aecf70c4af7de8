// The seed (draw-v1 §6.2): derived from the task, the announcement digest and the entropy; each stratum's stream seed.
import type { Entropy } from "../model/record.js";
import { throwWrongCall } from "../_internal/argument.js";
import { sha256Hex } from "./digest.js";

/**
 * Derives the draw seed (draw-v1 §6): SHA-256 hex of
 * UTF-8("double-random/draw-v1 seed\n" + taskId + "\n" + announcementDigest + "\n" + entropy.value).
 * It binds the task, everything announced, and the entropy, so one lottery draw cannot correlate two tasks.
 * @throws {@link DoubleRandomError} (`invalid_argument`) when the task id or the digest is not a string, or the entropy is not an object with a string value (a wrong call).
 * @example
 * ```ts
 * deriveSeed("T1", "0".repeat(64), { kind: "dice", value: "dice:12345" }).length
 * //=> 64
 * ```
 * @public
 */
export function deriveSeed(taskId: string, announcementDigest: string, entropy: Entropy): string {
  if (typeof taskId !== "string" || typeof announcementDigest !== "string" || typeof entropy !== "object" || entropy === null || typeof entropy.value !== "string") {
    throwWrongCall("deriveSeed", { zh: "应为 (任务编号, 公告摘要, 随机源 { kind, value })", en: "expects (taskId, announcementDigest, entropy { kind, value })" });
  }
  return sha256Hex(`double-random/draw-v1 seed\n${taskId}\n${announcementDigest}\n${entropy.value}`);
}

/**
 * The stream seed of a stratum: the draw seed itself when unstratified (key `all`), `${seed}/${key}` otherwise.
 * @example
 * ```ts
 * stratumSeed("ab", "S1f2e")
 * //=> "ab/S1f2e"
 * ```
 * @public
 */
export function stratumSeed(seed: string, key: string): string {
  return key === "all" ? seed : `${seed}/${key}`;
}
