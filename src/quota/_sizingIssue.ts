import { coreMessages } from "../messages/core.js";
import { modelMessages } from "../messages/model.js";
import { sizingMessages } from "../messages/sizing.js";
import { issueFactory } from "../result.js";

/** Builds an issue of sampleSize and allocate: without the quota parser's catalog, which `announce` does not need. */
export const issue = /* @__PURE__ */ issueFactory({ ...coreMessages, ...modelMessages, ...sizingMessages });
