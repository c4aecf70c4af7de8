// Node-only command line. Nothing in the isomorphic core imports this folder.
import { parseArgs } from "node:util";
import { jsonSchemas } from "../model/json-schema.js";

const USAGE = `double-random <command> [options]

命令 / commands:
  schema [Name]     输出 JSON Schema / print the JSON Schemas of the models
`;

function main(argv: string[]): number {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const [command, ...rest] = positionals;
  switch (command) {
    case "schema": {
      const all = jsonSchemas();
      const name = rest[0];
      if (name !== undefined && !(name in all)) {
        process.stderr.write(`未知模型 / unknown model: ${name} (${Object.keys(all).join(", ")})\n`);
        return 2;
      }
      process.stdout.write(`${JSON.stringify(name ? all[name as keyof typeof all] : all, null, 2)}\n`);
      return 0;
    }
    case undefined:
    case "help":
    case "--help":
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`未知命令 / unknown command: ${command}\n${USAGE}`);
      return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
