// Fuzzed cells in the inspector and expert files, the public list and the title rows above a header (see _feed.ts).
import { fuzzReaders } from "./_feed.js";

fuzzReaders(["readInspectorPool (CSV bytes)", "readExpertPool (CSV bytes)", "publicListFromTable", "locateHeader (title rows of the cell)"], 1607);
