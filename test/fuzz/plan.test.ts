// Fuzzed cells through the plan table: import and lint, the cells filling every column row by row (see _feed.ts).
import { fuzzReaders } from "./_feed.js";

fuzzReaders(["importPlanTable (cell in every column)", "lintPlanTable (cell in every column)"], 1603);
