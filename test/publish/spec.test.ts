// docs/spec/publish-v1.md: its vector is what the code produces, and its Python re-check (run as written, hashlib and
// json only) agrees with our verifyResults on the vector and on a fresh package, and rejects tampering.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publicationPackage, unwrap, verifyResults } from "../../src/index.js";
import { scenario, WINDOW } from "./_fixtures.js";
import { makeVector } from "./_vector.js";
import { listDigestOf, packageDigestOf } from "../../src/publish/publicationPackage.js";

const spec = readFileSync(new URL("../../docs/spec/publish-v1.md", import.meta.url), "utf8");
const block = (name: string, lang: string) => new RegExp(`<!-- ${name} -->\\n\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(spec)?.[1] ?? "";
const recipe = block("recheck\\.py", "python");
const dir = mkdtempSync(join(tmpdir(), "publish-recheck-"));

function python(cases: { record: unknown; pkg: unknown }[]): string[] {
  writeFileSync(join(dir, "recheck.py"), recipe);
  writeFileSync(join(dir, "cases.json"), JSON.stringify(cases));
  writeFileSync(join(dir, "driver.py"), `
import json, sys
exec(open(sys.argv[1], encoding="utf-8").read())
out = []
for c in json.load(open(sys.argv[2], encoding="utf-8")):
    try: out.append(recheck(c["record"], c["pkg"]))
    except AssertionError as e: out.append("fail: " + str(e))
print(json.dumps(out))`);
  return JSON.parse(execFileSync("python3", [join(dir, "driver.py"), join(dir, "recheck.py"), join(dir, "cases.json")], { encoding: "utf8" })) as string[];
}

describe("publish-v1 spec", () => {
  const vector = makeVector();
  it("prints every input of the vector, and the printed vector is what the code produces", () => {
    expect(JSON.parse(block("vector-record", "json"))).toEqual(JSON.parse(JSON.stringify(vector.record)));
    expect(JSON.parse(block("vector-package", "json"))).toEqual(JSON.parse(JSON.stringify(vector.package)));
    expect(unwrap(verifyResults(vector.record, vector.package)).digestChecked).toBe(true);
  });

  it("the Python recipe is short and agrees: ok on the vector and a fresh package with a matched record, fails on tampering", () => {
    expect(recipe).toContain("def recheck(");
    expect(recipe.trim().split("\n").length).toBeLessThanOrEqual(30);
    const s = scenario();
    const fresh = unwrap(publicationPackage(s.record, s.results, { window: WINDOW, department: "某市市场监管局", publishedOn: "2023-07-05", taskName: "食品经营抽查" }));
    const v = vector.package;
    // A forger who recomputes every digest: only the membership and count checks can catch it.
    const rehash = (p: typeof v) => {
      const q = { ...p, listDigest: listDigestOf(p.list) };
      return { ...q, digest: packageDigestOf(q) };
    };
    const cases = [
      { record: vector.record, pkg: v },
      { record: s.record, pkg: fresh },
      { record: vector.record, pkg: rehash({ ...v, list: v.list.slice(1) }) },
      { record: vector.record, pkg: { ...v, report: { ...v.report, problems: 0 } } },
      { record: vector.record, pkg: rehash({ ...v, report: { ...v.report, problems: 0 } }) },
      { record: vector.record, pkg: rehash({ ...v, list: [...v.list.slice(1), { ...v.list[1]!, entityId: "E008" }] }) },
      { record: { ...vector.record, replacements: [] }, pkg: v },
      { record: s.record, pkg: v },
    ];
    const py = python(cases);
    expect(py).toEqual(["ok", "ok", "fail: not the drawn set", "fail: package digest", "fail: counts", "fail: not the drawn set",
      "fail: list or record digest", "fail: list or record digest"]);
    // Our verifier agrees case by case.
    expect(cases.map((c) => (verifyResults(c.record as never, c.pkg).ok ? "ok" : "fail"))).toEqual(py.map((x) => (x === "ok" ? "ok" : "fail")));
  });
});
