// The main job: a year's 双随机、一公开 flow over real seed-plan data.
// `npm run demo` prints in Chinese; `npm run demo -- --lang en` in English.
import { existsSync } from "node:fs";

import type { Lang } from "./_lang.js";

const lang: Lang = process.argv.includes("--lang") && process.argv[process.argv.indexOf("--lang") + 1] === "en" ? "en" : "zh";

// In data-flow order (DESIGN.md): pools → quota → calendar → draw → match → lint.
const sections = ["01-pools", "02-quota", "03-calendar", "04-draw", "04b-county", "05-match", "06-lint", "07-publish"];
for (const name of sections) {
  const file = new URL(`./${name}.ts`, import.meta.url);
  if (!existsSync(file)) throw new Error(`demo section ${name} is missing`);
  const mod = (await import(file.href)) as { run(lang: Lang): Promise<void> };
  await mod.run(lang);
}
