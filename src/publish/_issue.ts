import { calendarMessages } from "../messages/calendar.js";
import { coreMessages } from "../messages/core.js";
import { modelMessages } from "../messages/model.js";
import { publishMessages } from "../messages/publish.js";
import { issueFactory } from "../result.js";

/** Builds an issue of the publish area: only the catalogs this area can emit are bundled with it. */
export const issue = /* @__PURE__ */ issueFactory({ ...coreMessages, ...modelMessages, ...calendarMessages, ...publishMessages });
