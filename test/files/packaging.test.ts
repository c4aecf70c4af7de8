// `import { draw } from "double-random"` must never bundle the ZIP/XML code of the table reader (DESIGN.md §8):
// esbuild's own account of what it bundled, from the sources, for the main entry and the draw bundle.
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;

async function inputsOf(contents: string): Promise<string[]> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "browser",
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs);
}

// The reader's modules (src/files/_*.ts, readTable.ts) and its ZIP/XML libraries; the header locator and the Table
// types (src/files/header.ts, types.ts) are plain logic the pool readers of the main entry use.
const zipOrXml = (inputs: string[]) => inputs.filter((f) => /node_modules\/(fflate|saxes|xmlchars)\/|src\/files\/(_|readTable)/.test(f));

describe("the table reader stays out of the main entry", () => {
  it("import { draw } bundles no ZIP/XML code", async () => {
    const inputs = await inputsOf('import { draw } from "./src/index.ts"; console.log(draw);');
    expect(inputs.some((f) => f.includes("src/draw/draw.ts"))).toBe(true);
    expect(zipOrXml(inputs)).toEqual([]);
  });
  it("the whole API (script-tag entry) bundles no ZIP/XML code", async () => {
    expect(zipOrXml(await inputsOf('import * as all from "./src/global.ts"; console.log(all);'))).toEqual([]);
  });
  it("the check can fail: double-random/files does bundle them", async () => {
    const inputs = await inputsOf('import { readTable } from "./src/files/index.ts"; console.log(readTable);');
    expect(zipOrXml(inputs).some((f) => f.includes("fflate"))).toBe(true);
    expect(zipOrXml(inputs).some((f) => f.includes("saxes"))).toBe(true);
  });
});
