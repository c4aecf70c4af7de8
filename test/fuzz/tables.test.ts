// Fuzzed cells in pool and results tables (rows, CSV text, Table, CSV bytes) and readTable of one huge cell (see _feed.ts).
import { fuzzReaders } from "./_feed.js";

fuzzReaders([
  "parseEntityPoolRows", "parseEntityPoolCsv", "parseEntityPoolTable", "parseInspectorPoolRows", "parseInspectorPoolCsv", "parseInspectorPoolTable",
  "parseExpertPoolTable", "parseResultsTable", "readTable (CSV of one huge cell)", "readTable (the cell as CSV text)", "readEntityPool (CSV bytes)",
], 1605);
