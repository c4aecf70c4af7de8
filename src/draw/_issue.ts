import { coreMessages } from "../messages/core.js";
import { drawMessages } from "../messages/draw.js";
import { modelMessages } from "../messages/model.js";
import { issueFactory } from "../result.js";

/** Builds an issue of the draw area: only the catalogs this area can emit are bundled with it. */
export const issue = /* @__PURE__ */ issueFactory({ ...coreMessages, ...modelMessages, ...drawMessages });
