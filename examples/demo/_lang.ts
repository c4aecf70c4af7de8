// Shared by the demo sections: pick the zh or en text, and print an issue on one line.
import type { Issue } from "../../src/index.js";

export type Lang = "zh" | "en";

export const t = (lang: Lang, zh: string, en: string): string => (lang === "zh" ? zh : en);

export const show = (lang: Lang, i: Issue, indent = ""): string =>
  `${indent}${i.severity === "error" ? "✗" : "!"} ${i.row ? t(lang, `第${i.row}行 `, `row ${i.row} `) : ""}[${i.code}] ${i.message[lang]}`;
