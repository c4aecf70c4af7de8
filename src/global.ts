// Script-tag (IIFE) entry: exposes the public API as `window.DoubleRandom`.
// The jitless import must stay first: it configures zod before any schema exists.
import { JITLESS } from "./_internal/jitless.js";
export * from "./index.js";
/** True in the script-tag bundle: zod runs without `new Function` (strict-CSP safe). */
export const jitless = JITLESS;
