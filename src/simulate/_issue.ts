import { coreMessages } from "../messages/core.js";
import { simulateMessages } from "../messages/simulate.js";
import { issueFactory } from "../result.js";

/** Builds an issue of the simulate area (and of the sim-* lint rules). */
export const issue = /* @__PURE__ */ issueFactory({ ...coreMessages, ...simulateMessages });
