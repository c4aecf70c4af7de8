// Where the bytes of a bundle come from: node scripts/size-report.mjs 'import { rivestSample } from "./dist/index.js"; console.log(rivestSample)'
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const entry = process.argv[2] ?? 'import * as m from "./src/global.ts"; globalThis.DR = m;';
const r = await esbuild.build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: "ts" }, bundle: true, minify: true, write: false, metafile: true, format: "esm", platform: "browser" });
const out = Object.values(r.metafile.outputs)[0];
console.log(`minified ${r.outputFiles[0].contents.length} B, gzipped ${gzipSync(r.outputFiles[0].contents).length} B`);
for (const [f, v] of Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 30)) {
  console.log(String(v.bytesInOutput).padStart(8), f.replace(/^.*node_modules\//, ""));
}
