// Copies the script-tag bundles (draw, table reader, 一公开 checks) beside the offline verification page (docs/verify/), so the folder works on its own:
// copied to a USB stick or opened from the installed package, with no dist/ next to it.
import { copyFileSync } from "node:fs";

for (const name of ["double-random.draw.global.js", "double-random.files.global.js", "double-random.publish.global.js"]) {
  copyFileSync(new URL(`../dist/${name}`, import.meta.url), new URL(`../docs/verify/${name}`, import.meta.url));
  console.log(`docs/verify/${name}: copied beside the page`);
}
