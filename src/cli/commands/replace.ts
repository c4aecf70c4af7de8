import { createIssue, type DrawRecord, type Issue, replaceSelections, type ReplacementRequest } from "../../index.js";
import { contextOf, parse } from "../args.js";
import { loadEntities, readJson } from "../io.js";
import { emitDocument, EXIT, failWith } from "../output.js";
import { drawnEarlierOf, saltOf } from "./draw-common.js";

/** Standard reasons (the record keeps the Chinese text, as published); any other text is kept as written. */
export const REASONS: Readonly<Record<string, string>> = {
  deregistered: "已注销",
  revoked: "已吊销",
  moved_out: "已迁出",
  unreachable: "无法联系（经营场所已关闭）",
  out_of_scope: "不属于本次抽查对象",
};

export const HELP = `double-random replace <record.json> <pool> (--salt S | --salt-file 盐值.txt) --replace <编号>=<原因> [--replace …]
        [--drawn-earlier ids.txt] [-o record-with-replacements.json]
  补抽（draw-v1 §7）：抽中对象无法检查时，按原随机流在同一层接着抽取替补，原因记入记录；记录先经复核。
  Replacement draws (draw-v1 §7): for a drawn entity that cannot be inspected, the same stratum's stream continues;
  the reason is logged in the record, which is verified first. verify re-checks the replacements.
  原因 reason: 自由文字，或 free text, or ${Object.entries(REASONS).map(([k, v]) => `${k}（${v}）`).join("、")}`;

/** `--replace ID=reason` values as requests, or issues naming the bad ones. */
function requestsOf(values: readonly string[], issues: Issue[]): ReplacementRequest[] {
  const out: ReplacementRequest[] = [];
  for (const v of values) {
    const eq = v.indexOf("=");
    const id = eq < 0 ? v.trim() : v.slice(0, eq).trim();
    const reason = eq < 0 ? "" : v.slice(eq + 1).trim();
    if (id === "" || reason === "") {
      issues.push(createIssue("cli_bad_option", { option: "--replace", value: v, detail: { zh: "应为 <对象编号>=<原因>，如 91410800MA44XXXX0X=已注销；补抽必须写明原因", en: "<entity id>=<reason>, e.g. 91410800MA44XXXX0X=deregistered; a replacement needs a reason" } }));
      continue;
    }
    out.push({ id, reason: REASONS[reason] ?? reason });
  }
  return out;
}

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, { salt: { type: "string" }, "salt-file": { type: "string" }, replace: { type: "string", multiple: true }, "drawn-earlier": { type: "string" } });
  if (!p.ok) return failWith(contextOf(argv), p.issues, EXIT.usage);
  const ctx = p.value;
  const { values, positionals, lang } = ctx;
  const issues: Issue[] = [];
  const salt = saltOf(values, issues);
  if (positionals.length < 2) issues.push(createIssue("cli_missing_argument", { argument: "<record.json> <pool>" }));
  const raw = (values as Record<string, unknown>).replace as string[] | undefined;
  if (!raw || raw.length === 0) issues.push(createIssue("cli_missing_argument", { argument: "--replace <编号>=<原因>" }));
  const requests = requestsOf(raw ?? [], issues);
  if (issues.some((i) => i.severity === "error")) return failWith(ctx, issues, EXIT.usage);
  const record = readJson(positionals[0] as string);
  if (!record.ok) return failWith(ctx, record.issues, EXIT.usage);
  const pool = await loadEntities(positionals[1] as string, { lang });
  if (!pool.ok) return failWith(ctx, pool.issues, EXIT.usage);
  const drawnEarlier = drawnEarlierOf(values, issues);
  if (issues.some((i) => i.severity === "error")) return failWith(ctx, issues, EXIT.usage);
  const r = replaceSelections(record.value as DrawRecord, pool.value, requests, drawnEarlier ? { salt, drawnEarlier } : { salt });
  if (!r.ok) return failWith(ctx, r.issues, EXIT.negative);
  return emitDocument(ctx, r.value, values.out as string | undefined, [...issues, ...pool.warnings, ...r.warnings]);
}
