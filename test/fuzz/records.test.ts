// Fuzzed cells as the fields of records: tasks, entities, inspectors, check items, results, an entity and an inspector pool (see _feed.ts).
import { fuzzReaders } from "./_feed.js";

fuzzReaders([
  "parseTask (record of cells)", "parseEntity (record of cells)", "parseInspector (record of cells)", "parseCheckItem (record of cells)",
  "parseInspectionResult (record of cells)", "parseEntityPool (one record)", "parseInspectorPool (one record)",
], 1604);
