// The matching log as a hash chain (docs/spec/match-v1.md §8.2). Internal: never exported from the package.
import { chainGenesis } from "../../_internal/chain.js";

/** The name the matching log's chain is bound to, with the task id. */
export const LOG_CHAIN = "double-random/match-v1/log";

/** The digest before the first log entry of a task: SHA-256 of `{"chain":LOG_CHAIN,"taskId":…}` (canonical JSON). */
export function logGenesis(taskId: string): string {
  return chainGenesis(LOG_CHAIN, taskId);
}
