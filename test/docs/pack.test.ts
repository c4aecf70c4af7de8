// The published package as a portal developer meets it: `npm pack`, unpacked into a fresh plain-Node ESM project
// (no bundler: Vite is not installed here), resolves the script-tag bundles, the offline page with its bundle
// beside it, and the JSON Schemas by import (import.meta.resolve) and by require.resolve.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const specifiers = [
  "double-random/dist/double-random.global.js",
  "double-random/dist/double-random.draw.global.js",
  "double-random/verify/index.html",
  "double-random/verify/verify.js",
  "double-random/verify/double-random.draw.global.js",
  "double-random/dist/double-random.publish.global.js",
  "double-random/verify/double-random.publish.global.js",
  "double-random/docs/verify/index.html",
  "double-random/schemas/DrawRecord.schema.json",
];
let app: string;

beforeAll(() => {
  if (!existsSync(join(root, "docs/verify/double-random.draw.global.js"))) throw new Error("run `npm run build` first (the test command does)");
  const dir = mkdtempSync(join(tmpdir(), "dr-pack-"));
  // dist/ is already built by the test command: no prepack rebuild.
  const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: root, encoding: "utf8" });
  const tgz = join(dir, (JSON.parse(out) as { filename: string }[])[0]!.filename);
  app = join(dir, "app");
  mkdirSync(join(app, "node_modules", "double-random"), { recursive: true });
  execFileSync("tar", ["-xzf", tgz, "-C", join(app, "node_modules", "double-random"), "--strip-components=1"]);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "portal", private: true, type: "module" }));
}, 120_000);

describe("npm pack → a fresh project", () => {
  it("resolves the bundles, the page and the schemas with import.meta.resolve and require.resolve", () => {
    writeFileSync(join(app, "esm.js"), `console.log(JSON.stringify(${JSON.stringify(specifiers)}.map((s) => import.meta.resolve(s))));`);
    writeFileSync(join(app, "cjs.cjs"), `console.log(JSON.stringify(${JSON.stringify(specifiers)}.map((s) => require.resolve(s))));`);
    const esm = JSON.parse(execFileSync(process.execPath, ["esm.js"], { cwd: app, encoding: "utf8" })) as string[];
    const cjs = JSON.parse(execFileSync(process.execPath, ["cjs.cjs"], { cwd: app, encoding: "utf8" })) as string[];
    const pkg = join(app, "node_modules", "double-random");
    expect(cjs).toEqual([
      "dist/double-random.global.js", "dist/double-random.draw.global.js", "docs/verify/index.html", "docs/verify/verify.js",
      "docs/verify/double-random.draw.global.js", "dist/double-random.publish.global.js", "docs/verify/double-random.publish.global.js",
      "docs/verify/index.html", "schemas/DrawRecord.schema.json",
    ].map((f) => join(pkg, f)));
    expect(esm.map((u) => new URL(u).pathname)).toEqual(cjs);
    for (const f of cjs) expect(existsSync(f)).toBe(true);
  });

  it("ships the page with its draw bundle beside it (the folder works on its own)", () => {
    const pkg = join(app, "node_modules", "double-random");
    const html = readFileSync(join(pkg, "docs/verify/index.html"), "utf8");
    expect(html).toContain('<script src="double-random.draw.global.js"></script>');
    expect(html).toContain('<script src="double-random.publish.global.js"></script>');
    expect(html).not.toContain("../../dist");
    for (const bundle of ["double-random.draw.global.js", "double-random.publish.global.js"]) {
      expect(readFileSync(join(pkg, "docs/verify", bundle), "utf8")).toBe(readFileSync(join(pkg, "dist", bundle), "utf8"));
    }
  });
});
