// Copies the draw bundle beside the offline verification page (docs/verify/), so the folder works on its own:
// copied to a USB stick or opened from the installed package, with no dist/ next to it.
import { copyFileSync } from "node:fs";

copyFileSync(new URL("../dist/double-random.draw.global.js", import.meta.url), new URL("../docs/verify/double-random.draw.global.js", import.meta.url));
console.log("docs/verify/double-random.draw.global.js: draw bundle copied beside the page");
