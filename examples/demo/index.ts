// The main job: a whole year's 双随机、一公开 flow over real seed-plan data.
// `npm run demo` prints in Chinese; `npm run demo -- --lang en` in English.
import { run as pools } from "./01-pools.js";

export type Lang = "zh" | "en";

const lang: Lang = process.argv.includes("--lang") && process.argv[process.argv.indexOf("--lang") + 1] === "en" ? "en" : "zh";

const sections: Array<(lang: Lang) => Promise<void>> = [pools];
for (const section of sections) {
  await section(lang);
}
