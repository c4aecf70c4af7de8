// Fuzzed cells as the text fields of a plan object (JSON, not a table): validated by parsePlan, linted by lintPlan (see _feed.ts).
import { fuzzReaders } from "./_feed.js";

fuzzReaders(["parsePlan (plan JSON, the cell in every field)", "lintPlan (plan object, the cell in every field)"], 1606);
