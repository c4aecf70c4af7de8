import type { Issue, Message } from "./result.js";
import { messages } from "./messages/index.js";
import { issueFactory } from "./result.js";

/**
 * Builds an {@link Issue} from any code of the SDK: severity and zh/en messages come from the catalogs,
 * `{name}` placeholders are filled from `params` (a {@link Message} param gives each language its own text).
 *
 * @example
 * ```ts
 * createIssue("duplicate_entity_id", { id: "E1", first: 2, second: 5 }).message.zh
 * //=> "实体编号重复：“E1”出现在第2行和第5行"
 * ```
 * @public
 */
export const createIssue = /* @__PURE__ */ issueFactory(messages);
