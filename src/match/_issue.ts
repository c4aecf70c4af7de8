import { coreMessages } from "../messages/core.js";
import { modelMessages } from "../messages/model.js";
import { matchMessages, matchPhrases } from "../messages/match.js";
import { issueFactory } from "../result.js";
import { phraseFactory } from "../messages/render.js";

/** Builds an issue of the match area: only the catalogs this area can emit are bundled with it. */
export const issue = /* @__PURE__ */ issueFactory({ ...coreMessages, ...modelMessages, ...matchMessages });

/** A text of the match area's phrase catalog (details, group names, hints), in zh and en. */
export const phrase = /* @__PURE__ */ phraseFactory(matchPhrases);
