import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    treeshake: true,
    // The holiday table is data: inlined, because an external JSON import needs import attributes
    // that not every consumer's Node or bundler honours.
    noExternal: [/^chinese-days\/dist\/chinese-days\.json$/],
  },
  {
    entry: { "double-random": "src/global.ts" },
    format: ["iife"],
    globalName: "DoubleRandom",
    minify: true,
    sourcemap: true,
    platform: "browser",
    target: "es2020",
    outExtension: () => ({ js: ".global.js" }),
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    external: [/^(?!chinese-days\/)[^./]/],
  },
]);
