import { createIssue, type DrawRecord, type Issue, REPLACEMENT_REASONS, replaceSelections, type ReplacementReason, type ReplacementRequest } from "../../index.js";
import { contextOf, parse } from "../args.js";
import { loadEntities, readJson, SHEET_HELP, SHEET_OPTION, sheetOf } from "../io.js";
import { emitDocument, EXIT, failWith } from "../output.js";
import { drawnEarlierOf, saltOf } from "./draw-common.js";

/** The listed reasons (draw-v1 §7.2) by an English word too; the record keeps the Chinese text. */
export const REASONS: Readonly<Record<string, ReplacementReason>> = {
  deregistered: "已注销",
  revoked: "已吊销",
  moved_out: "已迁出",
  suspended: "停业",
  unreachable: "无法联系",
  out_of_scope: "不属于本次抽查对象",
};

export const HELP = `double-random replace <record.json> <pool> (--salt S | --salt-file 盐值.txt)
        --replace <编号>[=<原因>] [--replace …] [--reason <原因>] --decided-by <决定人> --decided-at YYYY-MM-DD [--note 说明]
        [--drawn-earlier ids.txt] [-o record-with-replacements.json]
  补抽（draw-v1 §7）：抽中对象无法检查时，按原随机流在同一层接着抽取替补。原因须为规定原因之一，并写明谁决定、何时决定；
  补抽记录成哈希链，记录公布链头 replacementsHead，此后删改任何一条补抽都能被 verify 发现。记录先经复核。
  Replacement draws (draw-v1 §7): for a drawn entity that cannot be inspected, the same stratum's stream continues.
  The reason is one of the listed reasons, with who decided and when; entries are hash-chained and the record publishes
  the head, so verify detects a dropped or edited entry. The record is verified first.
  原因 reason（--replace 编号=原因 逐个给出，或 --reason 给全部）: ${REPLACEMENT_REASONS.join("、")}
    （英文 or: ${Object.entries(REASONS).map(([k, v]) => `${k}=${v}`).join(", ")}）；其他说明写在 --note。
${SHEET_HELP}`;

const ISO = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A listed reason from its Chinese text or English word, or undefined. */
function reasonOf(text: string): ReplacementReason | undefined {
  const t = text.trim();
  if ((REPLACEMENT_REASONS as readonly string[]).includes(t)) return t as ReplacementReason;
  return Object.prototype.hasOwnProperty.call(REASONS, t.toLowerCase()) ? REASONS[t.toLowerCase()] : undefined;
}

const REASON_DETAIL = {
  zh: `补抽原因须为规定原因之一：${REPLACEMENT_REASONS.join("、")}（其他说明写在 --note）`,
  en: `a replacement's reason must be one of: ${Object.keys(REASONS).join(", ")} (or the Chinese text); free text goes in --note`,
};

/** `--replace ID[=reason]` values with --reason, --decided-by, --decided-at and --note as requests, or issues naming what is wrong. */
function requestsOf(values: Record<string, unknown>, issues: Issue[]): ReplacementRequest[] {
  const raw = (values.replace as string[] | undefined) ?? [];
  if (raw.length === 0) issues.push(createIssue("cli_missing_argument", { argument: "--replace <编号>[=<原因>]" }));
  const shared = typeof values.reason === "string" ? values.reason : undefined;
  const sharedReason = shared === undefined ? undefined : reasonOf(shared);
  if (shared !== undefined && sharedReason === undefined) issues.push(createIssue("cli_bad_option", { option: "--reason", value: shared, detail: REASON_DETAIL }));
  const by = typeof values["decided-by"] === "string" ? values["decided-by"].trim() : "";
  const date = typeof values["decided-at"] === "string" ? values["decided-at"].trim() : "";
  // Who decided and when are required (draw-v1 §7.2): a replacement nobody answers for is how a draw is steered.
  if (by === "") issues.push(createIssue("cli_missing_argument", { argument: "--decided-by <决定人>" }));
  if (typeof values["decided-at"] !== "string") issues.push(createIssue("cli_missing_argument", { argument: "--decided-at YYYY-MM-DD" }));
  else if (!ISO.test(date)) issues.push(createIssue("cli_bad_option", { option: "--decided-at", value: date, detail: { zh: "决定日期应为 YYYY-MM-DD，如 2024-03-05", en: "the decision date as YYYY-MM-DD, e.g. 2024-03-05" } }));
  const note = typeof values.note === "string" && values.note.trim() !== "" ? { note: values.note.trim() } : {};
  const out: ReplacementRequest[] = [];
  for (const v of raw) {
    const eq = v.indexOf("=");
    const id = eq < 0 ? v.trim() : v.slice(0, eq).trim();
    const given = eq < 0 ? undefined : v.slice(eq + 1).trim();
    const reason = given === undefined || given === "" ? sharedReason : reasonOf(given);
    if (id === "") {
      issues.push(createIssue("cli_bad_option", { option: "--replace", value: v, detail: { zh: "应为 <对象编号>[=<原因>]，如 91410800MA44XXXX0X=已注销", en: "<entity id>[=<reason>], e.g. 91410800MA44XXXX0X=deregistered" } }));
      continue;
    }
    if (reason === undefined) {
      if (given !== undefined && given !== "") issues.push(createIssue("cli_bad_option", { option: "--replace", value: v, detail: REASON_DETAIL }));
      else if (shared === undefined) issues.push(createIssue("cli_missing_argument", { argument: `--reason（${id}）` }));
      continue;
    }
    out.push({ id, reason, decision: { by, date }, ...note });
  }
  return out;
}

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, {
    salt: { type: "string" }, "salt-file": { type: "string" }, replace: { type: "string", multiple: true }, reason: { type: "string" },
    "decided-by": { type: "string" }, "decided-at": { type: "string" }, note: { type: "string" }, "drawn-earlier": { type: "string" }, ...SHEET_OPTION,
  });
  if (!p.ok) return failWith(contextOf(argv), p.issues, EXIT.usage);
  const ctx = p.value;
  const { values, positionals, lang } = ctx;
  const issues: Issue[] = [];
  const salt = saltOf(values, issues);
  if (positionals.length < 2) issues.push(createIssue("cli_missing_argument", { argument: "<record.json> <pool>" }));
  const requests = requestsOf(values as Record<string, unknown>, issues);
  if (issues.some((i) => i.severity === "error")) return failWith(ctx, issues, EXIT.usage);
  const record = readJson(positionals[0] as string);
  if (!record.ok) return failWith(ctx, record.issues, EXIT.usage);
  const pool = await loadEntities(positionals[1] as string, { lang, ...sheetOf(values) });
  if (!pool.ok) return failWith(ctx, pool.issues, EXIT.usage);
  const drawnEarlier = drawnEarlierOf(values, issues);
  if (issues.some((i) => i.severity === "error")) return failWith(ctx, issues, EXIT.usage);
  const r = replaceSelections(record.value as DrawRecord, pool.value, requests, drawnEarlier ? { salt, drawnEarlier } : { salt });
  if (!r.ok) return failWith(ctx, r.issues, EXIT.negative);
  return emitDocument(ctx, r.value, values.out as string | undefined, [...issues, ...pool.warnings, ...r.warnings]);
}
