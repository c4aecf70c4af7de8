// Fuzzed cells through the tier-policy and window readers (issue 16 item 4): see _feed.ts.
import { fuzzReaders } from "./_feed.js";

fuzzReaders(["parseTierPolicy", "parseWindow", "parseWindow (monthBefore, monthStartDays)"], 1601);
