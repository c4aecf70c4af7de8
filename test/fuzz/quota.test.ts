// Fuzzed cells through parseQuota (issue 16 item 4), the costliest one-cell reader, in a file of its own: see _feed.ts.
import { fuzzReaders } from "./_feed.js";

fuzzReaders(["parseQuota"], 1600);
