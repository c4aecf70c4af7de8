// Fuzzed cells through the small one-cell readers: tier, USCC, result category and check method (see _feed.ts).
import { fuzzReaders } from "./_feed.js";

fuzzReaders(["parseRiskTier", "validateUscc, looksLikeUscc", "resultCategoryOf, checkMethodOf"], 1602);
