import { coreMessages } from "../messages/core.js";
import { modelMessages } from "../messages/model.js";
import { matchMessages } from "../messages/match.js";
import { issueFactory } from "../result.js";

/** Builds an issue of the match area: only the catalogs this area can emit are bundled with it. */
export const issue = /* @__PURE__ */ issueFactory({ ...coreMessages, ...modelMessages, ...matchMessages });
