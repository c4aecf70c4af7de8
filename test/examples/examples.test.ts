// The examples run for real: the Python back-end validator against the shipped JSON Schema, and the
// script-tag portal page in Debian's chromium. (The React component is type-checked by `tsc`.)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
// Debian's python3 with python3-jsonschema (.ci/run installs it); the default python3 may be another one.
const python = "/usr/bin/python3";

describe("back-end snippet: validating a task with the shipped JSON Schema (Python)", () => {
  it("accepts the seed task and names each problem of a broken one", () => {
    const hasJsonschema = spawnSync(python, ["-c", "import jsonschema"]).status === 0;
    expect(hasJsonschema, "python3-jsonschema missing: apt-get install -y python3-jsonschema").toBe(true);
    const schema = join(root, "schemas/Task.schema.json");
    expect(existsSync(schema), "schemas/ missing: run `npm run build`").toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "dr-backend-"));
    const task = JSON.parse(readFileSync(join(root, "examples/data/jiaozuo-2023-task.json"), "utf8")).task;
    writeFileSync(join(dir, "good.json"), JSON.stringify(task));
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ ...task, targeting: "定向", cooperators: "市场监管局" }));
    const good = spawnSync(python, [join(root, "examples/backend/validate_task.py"), schema, join(dir, "good.json")], { encoding: "utf8" });
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout.trim()).toBe("valid");
    const bad = spawnSync(python, [join(root, "examples/backend/validate_task.py"), schema, join(dir, "bad.json")], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("cooperators");
    expect(bad.stdout).toContain("targeting");
  });
});

describe("portal snippet: the script-tag bundle in a plain page under a strict CSP", () => {
  it("sizes the quota the planner typed", async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--allow-file-access-from-files"] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      await page.goto(pathToFileURL(join(root, "examples/portal/index.html")).href);
      await expect.poll(() => page.textContent("#result")).toContain("抽取 4 户");
      await page.fill("#quota", "待定");
      await expect.poll(() => page.textContent("#result")).toContain("待定");
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
