// `double-random commit`: the commitment a party publishes before a commit–reveal draw (SHA-256 of its secret).
import { createIssue } from "../../createIssue.js";
import { commitSecret } from "../../draw/entropy.js";
import { contextOf, parse } from "../args.js";
import { readText } from "../io.js";
import { EXIT, failWith, writeJson } from "../output.js";

export const HELP = `double-random commit --secret-file 秘密.txt
  承诺—揭示：算出秘密值（文件第一行，至少 16 个字符，不含“/”）的承诺，供事先公布。各方承诺写入公告：
  announce --entropy-source "commit:<承诺1>/<承诺2>/:<说明>"；抽取时揭示：draw --entropy "reveal:<秘密1>/<秘密2>/"。
  Commit–reveal: the commitment (SHA-256) of a secret (the file's first line, ≥ 16 characters, no "/") to publish
  beforehand. Announce all parties' commitments with --entropy-source "commit:<c1>/<c2>/:<description>"; draw with
  --entropy "reveal:<secret1>/<secret2>/".`;

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, { "secret-file": { type: "string" } });
  if (!p.ok) return failWith(contextOf(argv), p.issues, EXIT.usage);
  const ctx = p.value;
  const file = ctx.values["secret-file"];
  if (typeof file !== "string") return failWith(ctx, [createIssue("cli_missing_argument", { argument: "--secret-file" })], EXIT.usage);
  const text = readText(file);
  if (!text.ok) return failWith(ctx, text.issues, EXIT.usage);
  const secret = text.value.split(/\r?\n/)[0] ?? "";
  if (secret.includes("/")) {
    return failWith(ctx, [createIssue("cli_bad_option", { option: "--secret-file", value: file, detail: { zh: "秘密值不能含“/”（揭示时用它分隔各方秘密值）", en: "a secret cannot contain \"/\" (it separates the secrets when revealed)" } })], EXIT.usage);
  }
  const c = commitSecret(secret);
  if (!c.ok) return failWith(ctx, c.issues, EXIT.usage);
  if (ctx.json) writeJson({ ok: true, commitment: c.value });
  else process.stdout.write(`${c.value}\n`);
  return EXIT.ok;
}
