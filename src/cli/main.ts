// The `double-random` command (Node only). Nothing in the isomorphic core imports this folder.
import * as announce from "./commands/announce.js";
import * as draw from "./commands/draw.js";
import { runLint, USAGE as LINT_USAGE } from "./lint.js";
import * as manifest from "./commands/manifest.js";
import * as match from "./commands/match.js";
import * as publish from "./commands/publish.js";
import * as quota from "./commands/quota.js";
import * as schema from "./commands/schema.js";
import * as verify from "./commands/verify.js";

interface Command {
  HELP: string;
  run(argv: string[]): Promise<number>;
}

const lint: Command = { HELP: LINT_USAGE.trim(), run: runLint };
const commands: Record<string, Command> = { quota, lint, manifest, announce, draw, match, publish, verify, schema };

function usage(): string {
  return `double-random <命令 command> [选项 options]   (--lang en 输出英文 / English output)\n\n${Object.values(commands).map((c) => c.HELP).join("\n\n")}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(usage());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`✗ [cli_unknown_command] 未知命令“${name}” / unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.HELP}\n`);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A bug, not bad input: one line, no stack trace (set DOUBLE_RANDOM_DEBUG=1 for it).
    process.stderr.write(`✗ 内部错误 / internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.DOUBLE_RANDOM_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 2;
  },
);
