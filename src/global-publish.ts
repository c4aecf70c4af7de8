// Script-tag (IIFE) entry of the 一公开 checks, `dist/double-random.publish.global.js` (`window.DoubleRandomPublish`):
// what the offline verification page needs to check published results against a draw record (publish-v1 §6) — read a
// results table (检查结果表) or a published list (公示清单) from a Table of `DoubleRandomFiles.readTable`, reconcile the
// results with the record, verify a publication package. It is apart from the draw bundle, which stays under its own
// size guard; the page loads both. Producing a package (publicationPackage, CSV/XLSX) is for the CLI and bundlers.
// The jitless import must stay first: it configures zod before any schema exists.
import { JITLESS } from "./_internal/jitless.js";
export { resultCategoryLabels } from "./model/result.js";
export { parseResultsTable } from "./publish/parseResultsTable.js";
export { reconcileResults } from "./publish/reconcileResults.js";
export { PUBLISH_PROTOCOL_VERSION } from "./publish/publicationPackage.js";
export { verifyResults } from "./publish/verifyResults.js";
export { publicListFromTable } from "./publish/csv.js";
/** True in the script-tag bundles: zod runs without `new Function` (strict-CSP safe). */
export const jitless = JITLESS;
