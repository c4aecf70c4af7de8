// The continuing stream `${seed}/inspectors` (match-v1 §2) and the random priority orders drawn from it.
// Internal: never exported from the package.
import { reduceHash, streamHash } from "../../draw/stream.js";
import type { MatchProblem } from "./types.js";

/** The continuing stream `${seed}/inspectors`: each draw uses the next counter. */
export class Stream {
  counter: number;
  constructor(
    readonly seed: string,
    counter = 0,
  ) {
    this.counter = counter;
  }
  /** H_{c} mod m for the next counter c. */
  next(m: number): number {
    this.counter += 1;
    return reduceHash(streamHash(this.seed, this.counter), m);
  }
}

/** Fisher–Yates driven by the stream: for j = n … 2, swap item j-1 with item (H mod j). */
export function shuffle<T>(items: readonly T[], stream: Stream): T[] {
  const out = items.slice();
  for (let j = out.length; j >= 2; j--) {
    const r = stream.next(j);
    const tmp = out[j - 1] as T;
    out[j - 1] = out[r] as T;
    out[r] = tmp;
  }
  return out;
}

/** The random priority orders: targets, then the counted pool, then (when experts are drawn) the expert pool. */
export function priorities(problem: MatchProblem, stream: Stream): { targets: number[]; counted: number[]; experts: number[] } {
  const targets = shuffle(problem.targets.map((_, t) => t), stream);
  const counted = shuffle(problem.countedPool, stream);
  const experts = problem.rules.experts > 0 ? shuffle(problem.expertPool, stream) : problem.expertPool.slice();
  return { targets, counted, experts };
}

