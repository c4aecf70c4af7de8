// Script-tag (IIFE) entry of the table reader, `dist/double-random.files.global.js` (`window.DoubleRandomFiles`):
// readTable and locateHeader only. A page reads pools with the draw bundle's parseEntityPoolTable on the Table it
// gets here (see docs/verify/), so zod and the models are not shipped twice; readEntityPool and the other pool
// conveniences of `double-random/files` are for bundlers and Node.
export { readTable } from "./files/readTable.js";
export { locateHeader } from "./files/header.js";
