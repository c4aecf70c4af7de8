import { calendarMessages } from "./calendar.js";
import { cliMessages } from "./cli.js";
import { coreMessages } from "./core.js";
import { drawMessages } from "./draw.js";
import { fileMessages } from "./files.js";
import { matchMessages } from "./match.js";
import { modelMessages } from "./model.js";
import { planMessages } from "./plan.js";
import { publishMessages } from "./publish.js";
import { quotaMessages } from "./quota.js";
import { replacementMessages } from "./replacement.js";
import { simulateMessages } from "./simulate.js";
import { sizingMessages } from "./sizing.js";
import { tableMessages } from "./table.js";
import type { Catalog } from "./types.js";

/**
 * Every issue code the SDK can return, with its default severity and its zh and en messages.
 *
 * @remarks
 * Each area owns one catalog file beside this one; {@link IssueCode} is derived from their keys, so a
 * code cannot be used without a message in both languages.
 * @example
 * ```ts
 * messages.duplicate_entity_id.zh
 * //=> "实体编号重复：“{id}”出现在第{first}行和第{second}行"
 * ```
 * @public
 */
export const messages = {
  ...coreMessages,
  ...modelMessages,
  ...quotaMessages,
  ...sizingMessages,
  ...calendarMessages,
  ...drawMessages,
  ...replacementMessages,
  ...matchMessages,
  ...planMessages,
  ...publishMessages,
  ...cliMessages,
  ...fileMessages,
  ...tableMessages,
  ...simulateMessages,
} as const satisfies Catalog;

/**
 * The closed union of issue codes (snake_case). Derived from {@link messages}.
 * @public
 */
export type IssueCode = keyof typeof messages;
