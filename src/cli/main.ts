// The `double-random` command (Node only). Nothing in the isomorphic core imports this folder.
// Start-up is lazy: this file loads no command. `--help` and `--version` need nothing else, and a command's
// module (with the parts of the library it uses) is imported only when that command runs.
import { readFileSync } from "node:fs";
import { createIssue } from "../createIssue.js";
import { contextOf, type Lang } from "./args.js";
import { EXIT, failWith } from "./output.js";

interface Command {
  HELP: string;
  run(argv: string[]): Promise<number>;
}

interface Entry {
  /** One line for `double-random --help`. */
  readonly summary: { readonly zh: string; readonly en: string };
  /** The command's module, imported when it runs (or prints its own --help). */
  load(): Promise<Command>;
}

// To add a command: one entry here, its module exporting HELP and run(argv) → exit code.
const commands: Record<string, Entry> = {
  quota: { summary: { zh: "解析抽查比例及频次，按名录库户数算出抽取数量", en: "parse a quota cell and size it for a pool" }, load: () => import("./commands/quota.js") },
  lint: {
    summary: { zh: "检查年度抽查计划表", en: "lint an annual inspection plan table" },
    load: async () => {
      const m = await import("./lint.js");
      return { HELP: m.USAGE.trim(), run: m.runLint };
    },
  },
  manifest: { summary: { zh: "生成名录库的规范清单及其摘要", en: "build the canonical manifest of a pool and its digests" }, load: () => import("./commands/manifest.js") },
  announce: { summary: { zh: "生成抽取公告（须在随机源产生之前公布）", en: "build the announcement to publish before the entropy exists" }, load: () => import("./commands/announce.js") },
  draw: { summary: { zh: "用公告和事后产生的随机源完成抽取，输出抽取记录", en: "draw from an announcement and the entropy; writes the record" }, load: () => import("./commands/draw.js") },
  replace: { summary: { zh: "补抽：替换无法检查的抽中对象（须写明原因），输出新的抽取记录", en: "replacements (补抽): replace drawn entities that cannot be inspected, with a reason" }, load: () => import("./commands/replace.js") },
  commit: { summary: { zh: "承诺—揭示：算出秘密值的承诺（在公告中公布）", en: "commit–reveal: the commitment of a secret (to announce)" }, load: () => import("./commands/commit.js") },
  match: { summary: { zh: "为每个抽中对象随机选派执法检查人员（第二个随机）", en: "match inspectors to every drawn target (the second random)" }, load: () => import("./commands/match.js") },
  publish: { summary: { zh: "核对检查结果与抽取记录，生成公示清单与抽查情况（一公开）", en: "reconcile results with the draw record; write the public list and task report (一公开)" }, load: () => import("./commands/publish.js") },
  verify: { summary: { zh: "复核已公布的抽取记录", en: "re-check a published draw record" }, load: () => import("./commands/verify.js") },
  schema: { summary: { zh: "输出模型的 JSON Schema", en: "print the JSON Schemas of the models" }, load: () => import("./commands/schema.js") },
  simulate: { summary: { zh: "年初模拟全年计划：人员工作量、配不齐人员、重复检查", en: "simulate the plan's year: inspector loads, staffing, repeated inspections" }, load: () => import("./commands/simulate.js") },
};

function usage(lang: Lang): string {
  const zh = lang === "zh";
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const list = Object.entries(commands).map(([name, c]) => `  double-random ${name.padEnd(width)}  ${c.summary[lang]}`).join("\n");
  return zh
    ? `用法：double-random <命令> [选项]\n\n${list}\n\n` +
      "  double-random <命令> --help   该命令的全部选项\n" +
      "  double-random --version       版本\n\n" +
      "通用选项：--lang zh|en（输出语言，默认 zh）  --format json（标准输出始终为一个 JSON，出错时也是）  -o 文件（原子写入）\n" +
      "退出码：0 成功；1 已读入输入但结论为否（复核发现不一致、计划表有错误、比例或规则无法满足）；\n" +
      "        2 用法或输入问题（未知选项、缺少参数、文件缺失或无法读取、文件类型不对、行数据无效），未做任何检查。\n"
    : `Usage: double-random <command> [options]\n\n${list}\n\n` +
      "  double-random <command> --help   all options of that command\n" +
      "  double-random --version          version\n\n" +
      "Common options: --lang zh|en (output language, default zh)  --format json (stdout is always one JSON document, errors too)  -o FILE (written atomically)\n" +
      "Exit codes: 0 done; 1 the inputs were read and the answer is no (verify found mismatches, the plan has errors, a quota or\n" +
      "            the rules cannot be met); 2 usage or input problem (unknown option, missing argument, missing or unreadable\n" +
      "            file, wrong kind of file, invalid rows): nothing was checked.\n";
}

function version(): string {
  // dist/cli.js sits one level below the package root; src/cli/main.ts (run with tsx) two.
  for (const rel of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "double-random") return `double-random ${pkg.version}`;
    } catch {
      // Not there: try the next level.
    }
  }
  return "double-random";
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const ctx = contextOf(argv);
  if (name === undefined || name === "help" || name === "--help" || name === "-h" || (name.startsWith("--") && (rest.includes("--help") || rest.includes("-h")))) {
    process.stdout.write(usage(ctx.lang));
    return EXIT.ok;
  }
  if (name === "--version" || name === "-V" || name === "version") {
    process.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const entry = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!entry) {
    const code = failWith(ctx, [createIssue("cli_unknown_command", { command: name })], EXIT.usage);
    if (!ctx.json) process.stderr.write(`\n${usage(ctx.lang)}`);
    return code;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.HELP}\n`);
    return EXIT.ok;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A bug, not bad input: one coded line, no stack trace (set DOUBLE_RANDOM_DEBUG=1 for it).
    process.exitCode = failWith(contextOf(process.argv.slice(2)), [createIssue("cli_internal_error", { detail: e instanceof Error ? e.message : String(e) })], EXIT.usage);
    if (process.env.DOUBLE_RANDOM_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
  },
);
