// Script-tag (IIFE) entry of the *draw bundle*, `dist/double-random.draw.global.js`: exposes `window.DoubleRandom`
// with what a page needs to run, publish and re-check a draw (models and pools, the draw protocol and its
// verification, inspector matching and its verification) and nothing else, so that it stays within its 66 KB size-limit
// guard (65.44 kB measured by `npm run size`). The 一公开 checks are a bundle of their own (src/global-publish.ts).
// The quota and calendar calculators, plan import and lint, and JSON Schema generation are in the full bundle
// (src/global.ts, `dist/double-random.global.js`). test/package/bundles.test.ts checks the two export lists.
// The jitless import must stay first: it configures zod before any schema exists.
import { JITLESS } from "./_internal/jitless.js";
export {
  type Result, type Issue, type IssueCode, type IssueOptions, type IssueParams, type Message, type Severity,
  issueFactory, ok, fail, settle, unwrap, DoubleRandomError,
} from "./result.js";
export * from "./model/index.js";
export * from "./draw/index.js";
export * from "./match/index.js";
/** True in the script-tag bundles: zod runs without `new Function` (strict-CSP safe). */
export const jitless = JITLESS;
