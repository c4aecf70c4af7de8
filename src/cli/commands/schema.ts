import { createIssue, jsonSchemas } from "../../index.js";
import { parse } from "../args.js";
import { printIssues, writeJson } from "../io.js";

export const HELP = `double-random schema [Name] [-o file]
  输出模型的 JSON Schema（供 Java 等后端校验）。 / Print the JSON Schemas of the models.`;

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, {});
  if (!p.ok) return printIssues(p.issues, "zh"), 2;
  const all = jsonSchemas();
  const name = p.value.positionals[0];
  if (name !== undefined && !(name in all)) {
    printIssues([createIssue("cli_bad_option", { option: "Name", value: name, detail: Object.keys(all).join(", ") })], p.value.lang);
    return 2;
  }
  writeJson(name ? all[name as keyof typeof all] : all, p.value.values.out as string | undefined);
  return 0;
}
