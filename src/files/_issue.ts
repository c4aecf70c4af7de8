import { fileMessages } from "../messages/files.js";
import { modelMessages } from "../messages/model.js";
import type { Message } from "../result.js";
import { issueFactory } from "../result.js";

/** Builds an issue of the table reader; CSV syntax problems keep the model area's `csv_parse_error` code. */
export const issue = /* @__PURE__ */ issueFactory({ ...fileMessages, csv_parse_error: modelMessages.csv_parse_error, csv_parse_errors_capped: modelMessages.csv_parse_errors_capped });

/** The `{file}` placeholder: the file's name in each language's quotes, or nothing when the caller gave none. */
export function fileParam(name: string | undefined): Message {
  return name === undefined || name === "" ? { zh: "", en: "" } : { zh: `“${name}”`, en: ` "${name}"` };
}
