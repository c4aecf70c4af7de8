import * as z from "zod/mini";

// zod compiles object parsers with `new Function` unless told not to; a page whose CSP forbids
// 'unsafe-eval' would report a violation. The script-tag bundle imports this module first, before any
// schema is constructed, because zod decides at construction time.
z.config({ jitless: true });

/** Marker so the import is kept by bundlers. */
export const JITLESS = true;
