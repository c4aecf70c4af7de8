// `double-random schema`: prints the JSON Schemas the build wrote into schemas/ (shipped in the package), so it
// starts without zod; from a source checkout that was never built, it computes them.
import { existsSync, readFileSync } from "node:fs";
import { createIssue } from "../../createIssue.js";
import type { ModelName } from "../../model/json-schema.js";
import { contextOf, parse } from "../args.js";
import { EXIT, failWith } from "../output.js";
import { writeJson } from "../output.js";

export const HELP = `double-random schema [Name] [-o file]
  输出模型的 JSON Schema（供 Java 等后端校验）。 / Print the JSON Schemas of the models.
  Name: ${names().join(" | ")}`;

/** In the order of jsonSchemas(); test/cli checks that the two agree. */
function names(): ModelName[] {
  return ["RiskTier", "CheckItem", "Entity", "Inspector", "Quota", "TierPolicy", "Task", "Plan", "DrawRecord"];
}

/** The schemas written by the build into schemas/ at the package root. */
async function schemas(): Promise<Record<string, unknown>> {
  // Beside the package root: dist/cli.js, its chunks in dist/cli/, or src/cli/commands/ under tsx.
  for (const rel of ["../schemas/", "../../schemas/", "../../../schemas/"]) {
    const dir = new URL(rel, import.meta.url);
    if (!names().every((n) => existsSync(new URL(`${n}.schema.json`, dir)))) continue;
    const out: Record<string, unknown> = {};
    for (const n of names()) out[n] = JSON.parse(readFileSync(new URL(`${n}.schema.json`, dir), "utf8"));
    return out;
  }
  const { jsonSchemas } = await import("../../model/json-schema.js");
  return jsonSchemas();
}

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, {});
  if (!p.ok) return failWith(contextOf(argv), p.issues, EXIT.usage);
  const name = p.value.positionals[0];
  if (name !== undefined && !(names() as string[]).includes(name)) {
    return failWith(p.value, [createIssue("cli_bad_option", { option: "Name", value: name, detail: names().join(", ") })], EXIT.usage);
  }
  const all = await schemas();
  const w = writeJson(name ? all[name] : all, p.value.values.out as string | undefined);
  return w.ok ? EXIT.ok : failWith(p.value, w.issues, EXIT.usage);
}
