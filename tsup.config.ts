import { readFile } from "node:fs/promises";
import { defineConfig } from "tsup";

// papaparse's worker source is a string containing `global.IS_PAPA_WORKER=true;`, which publint's regex takes for
// CommonJS in the script-tag bundles (now reachable through `exports`). The same statement, written with brackets.
const papaparseWorkerString = {
  name: "papaparse-worker-string",
  setup(build: { onLoad(o: { filter: RegExp }, f: (a: { path: string }) => Promise<{ contents: string; loader: "js" }>): void }) {
    build.onLoad({ filter: /papaparse[\\/]papaparse(\.min)?\.js$/ }, async (args) => ({
      contents: (await readFile(args.path, "utf8")).replace("global.IS_PAPA_WORKER=true", "global['IS_PAPA_WORKER']=true"),
      loader: "js",
    }));
  },
};

export default defineConfig([
  {
    // ESM: one output file per source module, so that with `sideEffects: false` a portal's bundler keeps
    // only the modules it imports (e.g. `rivestSample` alone does not pull in zod or the plan linter).
    entry: ["src/**/*.ts", "!src/cli/**", "!src/global.ts", "!src/global-draw.ts", "!src/global-files.ts", "!src/global-publish.ts"],
    format: ["esm"],
    bundle: false,
    dts: { entry: { index: "src/index.ts", "files/index": "src/files/index.ts", "simulate/index": "src/simulate/index.ts", postgres: "src/sources/postgres.ts", mysql: "src/sources/mysql.ts" } },
    sourcemap: true,
    clean: true,
    target: "es2022",
  },
  {
    // CommonJS: one file per entry (Node's require does not tree-shake anyway); the subpath entries apart, so
    // that requiring the core never loads fflate/saxes or seedrandom, and the database sources keep their drivers
    // (optional peer dependencies) external.
    entry: { index: "src/index.ts", "files/index": "src/files/index.ts", "simulate/index": "src/simulate/index.ts", postgres: "src/sources/postgres.ts", mysql: "src/sources/mysql.ts" },
    format: ["cjs"],
    dts: { entry: { index: "src/index.ts", "files/index": "src/files/index.ts", "simulate/index": "src/simulate/index.ts", postgres: "src/sources/postgres.ts", mysql: "src/sources/mysql.ts" } },
    sourcemap: true,
    target: "es2022",
  },
  {
    // Script-tag bundles: the whole API (134.2 kB gzipped by `npm run size`), and the draw bundle (src/global-draw.ts)
    // that stays within its 66 KB guard (65.44 kB measured).
    entry: { "double-random": "src/global.ts", "double-random.draw": "src/global-draw.ts" },
    format: ["iife"],
    globalName: "DoubleRandom",
    esbuildPlugins: [papaparseWorkerString],
    minify: true,
    sourcemap: true,
    platform: "browser",
    target: "es2020",
    outExtension: () => ({ js: ".global.js" }),
  },
  {
    // Script-tag table reader (global `DoubleRandomFiles`): .xlsx/.docx/GBK CSV in the offline verification page.
    // Its entry leaves out the pool conveniences (they need the models, which the draw bundle already ships).
    entry: { "double-random.files": "src/global-files.ts" },
    format: ["iife"],
    globalName: "DoubleRandomFiles",
    esbuildPlugins: [papaparseWorkerString],
    minify: true,
    sourcemap: true,
    platform: "browser",
    target: "es2020",
    noExternal: [/.*/],
    outExtension: () => ({ js: ".global.js" }),
  },
  {
    // Script-tag 一公开 checks (global `DoubleRandomPublish`): results tables and publication packages against the draw
    // record, for the offline verification page. Apart from the draw bundle, which stays under its guard; it carries its
    // own zod and SHA-256, since an IIFE cannot share them with the draw bundle.
    entry: { "double-random.publish": "src/global-publish.ts" },
    format: ["iife"],
    globalName: "DoubleRandomPublish",
    minify: true,
    sourcemap: true,
    platform: "browser",
    target: "es2020",
    noExternal: [/.*/],
    outExtension: () => ({ js: ".global.js" }),
  },
  {
    // The command line starts lazily: each command is a chunk (dist/cli/) imported only when it runs.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    splitting: true,
    esbuildOptions(options) {
      options.chunkNames = "cli/[name]-[hash]";
    },
    platform: "node",
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    external: [/^[^./]/],
  },
]);
