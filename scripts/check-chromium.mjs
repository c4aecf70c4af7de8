// The browser tests run in Debian's chromium. Fail loudly (never skip) when it is missing.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(path)) {
  console.error(`\n✗ Chromium not found at ${path}.\n  The browser test project needs Debian's chromium: apt-get update && apt-get install -y chromium\n  (or set CHROMIUM_PATH). Browser tests are never skipped.\n`);
  process.exit(1);
}
const version = execFileSync(path, ["--version"], { encoding: "utf8" }).trim();
console.log(`✓ ${version} (${path})`);
