import { createIssue, draw, type Announcement, type Issue, drawFromSource } from "../../index.js";
import { contextOf, parse } from "../args.js";
import { loadEntities, readJson, SHEET_HELP, SHEET_OPTION, sheetOf } from "../io.js";
import { DB_OPTIONS, isDatabaseUrl, poolSourceOf } from "./pool-source.js";
import { emitDocument, EXIT, failWith } from "../output.js";
import { drawnEarlierOf, entropyOf, saltOf } from "./draw-common.js";

export const HELP = `double-random draw <announcement.json> (<pool> | --pool postgres://… --table T) (--salt S | --salt-file 盐值.txt) --entropy "dice:27182818284590452353"
        [--drawn-earlier ids.txt] [-o record.json]
  用公告和事后产生的随机源完成抽取，输出抽取记录。 / Draw from an announcement and the entropy; writes the record.
  --entropy（与记录中 entropy.value 的写法相同，可直接粘贴 / written as the record's entropy.value, so it can be pasted back）:
      dice:<数字 digits>
      lottery:9.18.26./2.12./         每个号码后加“.”，每期开奖后加“/” each number ended by ".", each draw by "/"
      beacon:<轮次 round>:<十六进制 hex>  （省略轮次时取公告中的轮次 / the announced round when omitted）
      reveal:<秘密1>/<秘密2>/            按公告承诺的顺序 in the order of the announced commitments
  --salt-file 读取文件第一行作为盐值（不留在命令历史中） reads the salt from a file's first line (not in shell history)
${SHEET_HELP}`;

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, { salt: { type: "string" }, "salt-file": { type: "string" }, entropy: { type: "string" }, "drawn-earlier": { type: "string" }, ...DB_OPTIONS, ...SHEET_OPTION });
  if (!p.ok) return failWith(contextOf(argv), p.issues, EXIT.usage);
  const ctx = p.value;
  const { values, positionals, lang } = ctx;
  const issues: Issue[] = [];
  const salt = saltOf(values, issues);
  if (positionals.length < (isDatabaseUrl(values.pool) ? 1 : 2)) issues.push(createIssue("cli_missing_argument", { argument: "<announcement.json> <pool>" }));
  if (typeof values.entropy !== "string") issues.push(createIssue("cli_missing_argument", { argument: "--entropy" }));
  if (issues.some((i) => i.severity === "error")) return failWith(ctx, issues, EXIT.usage);
  const a = readJson(positionals[0] as string);
  if (!a.ok) return failWith(ctx, a.issues, EXIT.usage);
  const announcement = a.value as Announcement;
  const entropy = entropyOf(values.entropy as string, (announcement as { entropySource?: Announcement["entropySource"] } | null)?.entropySource);
  // An unreadable --entropy is a usage error; a secret that does not match its commitment is a "no".
  if (!entropy.ok) return failWith(ctx, entropy.issues, entropy.issues.every((i) => i.code === "cli_bad_option") ? EXIT.usage : EXIT.negative);
  const db = await poolSourceOf(values, positionals[1], issues);
  if (issues.some((i) => i.severity === "error")) return failWith(ctx, issues, EXIT.usage);
  if (db) {
    // The pool stays in the database (--pool postgres://… | mysql://…).
    const drawnEarlier = drawnEarlierOf(values, issues);
    if (issues.some((i) => i.severity === "error")) return failWith(ctx, issues, EXIT.usage);
    const r = await drawFromSource(announcement, db, entropy.value, drawnEarlier ? { salt, drawnEarlier } : { salt });
    if (!r.ok) return failWith(ctx, r.issues, EXIT.negative);
    return emitDocument(ctx, r.value, values.out as string | undefined, [...issues, ...entropy.warnings, ...r.warnings]);
  }
  const pool = await loadEntities(positionals[1] as string, { lang, ...sheetOf(values) });
  if (!pool.ok) return failWith(ctx, pool.issues, EXIT.usage);
  const drawnEarlier = drawnEarlierOf(values, issues);
  if (issues.some((i) => i.severity === "error")) return failWith(ctx, issues, EXIT.usage);
  const r = draw(announcement, pool.value, entropy.value, drawnEarlier ? { salt, drawnEarlier } : { salt });
  if (!r.ok) return failWith(ctx, r.issues, EXIT.negative);
  return emitDocument(ctx, r.value, values.out as string | undefined, [...issues, ...entropy.warnings, ...pool.warnings, ...r.warnings]);
}
