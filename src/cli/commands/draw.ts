import { createIssue, draw, type Announcement, type Issue } from "../../index.js";
import { parse } from "../args.js";
import { loadEntities, printIssues, readJson, writeJson } from "../io.js";
import { drawnEarlierOf, entropyOf, saltOf } from "./draw-common.js";

export const HELP = `double-random draw <announcement.json> <pool> --salt S --entropy "dice:27182818284590452353"
        [--drawn-earlier ids.txt] [-o record.json]
  用公告和事后产生的随机源完成抽取，输出抽取记录。 / Draw from an announcement and the entropy; writes the record.
  --entropy: dice:<digits> | lottery:<n,n,n>/<n,n> | beacon:<round>:<hex> | reveal:<secret>`;

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, { salt: { type: "string" }, "salt-file": { type: "string" }, entropy: { type: "string" }, "drawn-earlier": { type: "string" } });
  if (!p.ok) return printIssues(p.issues, "zh"), 2;
  const { values, positionals, lang } = p.value;
  const issues: Issue[] = [];
  const salt = saltOf(values, issues);
  if (positionals.length < 2) issues.push(createIssue("cli_missing_argument", { argument: "<announcement.json> <pool>" }));
  if (typeof values.entropy !== "string") issues.push(createIssue("cli_missing_argument", { argument: "--entropy" }));
  if (issues.some((i) => i.severity === "error")) return printIssues(issues, lang), 2;
  const a = readJson(positionals[0] as string);
  if (!a.ok) return printIssues(a.issues, lang), 1;
  const announcement = a.value as Announcement;
  const source = (announcement as { entropySource?: { commitments?: string[] } }).entropySource;
  const entropy = entropyOf(values.entropy as string, source?.commitments ?? []);
  if (!entropy.ok) return printIssues(entropy.issues, lang), 1;
  const pool = await loadEntities(positionals[1] as string);
  if (!pool.ok) return printIssues(pool.issues, lang), 1;
  const drawnEarlier = drawnEarlierOf(values, issues);
  if (issues.some((i) => i.severity === "error")) return printIssues(issues, lang), 1;
  const r = draw(announcement, pool.value, entropy.value, drawnEarlier ? { salt, drawnEarlier } : { salt });
  if (!r.ok) return printIssues(r.issues, lang), 1;
  writeJson(r.value, values.out as string | undefined);
  printIssues([...entropy.warnings, ...pool.warnings, ...r.warnings], lang);
  return 0;
}
