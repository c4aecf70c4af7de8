// Writes the JSON Schema of every model into schemas/ (shipped in the package) from the built library.
import { mkdirSync, writeFileSync } from "node:fs";
import { jsonSchemas } from "../dist/index.js";

mkdirSync(new URL("../schemas/", import.meta.url), { recursive: true });
const all = jsonSchemas();
for (const [name, schema] of Object.entries(all)) {
  writeFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
}
console.log(`schemas/: ${Object.keys(all).length} JSON Schemas written`);
