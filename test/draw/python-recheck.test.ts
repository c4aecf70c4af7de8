// The Python recipe of docs/spec/draw-v1.md §11, run as written (hashlib only) against our vectors and fresh draws:
// an independent implementation of the protocol must agree with ours, and must reject a tampered record.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { replaceSelections } from "../../src/draw/replace.js";
import { unwrap } from "../../src/result.js";
import { drawn, SALT } from "./_fixtures.js";
import { makeVectors } from "./_vectors.js";

const spec = readFileSync(new URL("../../docs/spec/draw-v1.md", import.meta.url), "utf8");
const recipe = /<!-- recheck\.py -->\n```python\n([\s\S]*?)```/.exec(spec)?.[1] ?? "";
const dir = mkdtempSync(join(tmpdir(), "draw-recheck-"));

function python(cases: unknown): string[] {
  writeFileSync(join(dir, "recheck.py"), recipe);
  writeFileSync(join(dir, "cases.json"), JSON.stringify(cases));
  const driver = `
import json, sys
exec(open(sys.argv[1], encoding="utf-8").read())
out = []
for c in json.load(open(sys.argv[2], encoding="utf-8")):
    try: out.append(recheck(c["record"], c["eligible"], c["salt"]))
    except AssertionError as e: out.append("fail: " + str(e)[:60])
if "chunk" in sys.argv[3:]:
    v = json.load(open(sys.argv[4], encoding="utf-8"))["chunked"]
    ids = [f"E{k:06d}" for k in range(v["count"])]
    out.append(stratum_digest(ids, "all", v["salt"]) == v["stratumDigest"])
print(json.dumps(out))`;
  writeFileSync(join(dir, "driver.py"), driver);
  const args = [join(dir, "driver.py"), join(dir, "recheck.py"), join(dir, "cases.json"), "chunk", new URL("./draw-v1-vectors.json", import.meta.url).pathname];
  return JSON.parse(execFileSync("python3", args, { encoding: "utf8" })) as string[];
}

const vectors = JSON.parse(readFileSync(new URL("./draw-v1-vectors.json", import.meta.url), "utf8")) as ReturnType<typeof makeVectors>;

describe("Python re-check recipe (docs/spec/draw-v1.md §11)", () => {
  it("is in the spec and short", () => {
    expect(recipe).toContain("def recheck(");
    expect(recipe.trim().split("\n").length).toBeLessThanOrEqual(35);
  });

  it("the frozen vectors are what the code produces", () => {
    expect(JSON.parse(JSON.stringify(makeVectors()))).toEqual(vectors);
  });

  it("agrees with every vector, fresh draws with astral ids and replacements, and rejects tampering", () => {
    const pool = ["😀1", "\u{E000}2", "𠀀3", "甲4", "A5", "B6", "\u{FF21}7", "C8", "D9", "E10", "F11", "G12"].map((id, k) => ({ id, tier: (["A", "B", "C", "D"] as const)[k % 4] }));
    const fresh = drawn(pool, { sizes: { A: 1, B: 2, C: 1, D: 3 } }).record;
    const replaced = unwrap(replaceSelections(fresh, pool, [{ id: fresh.selections[1]!.id, reason: "已注销" }], { salt: SALT }));
    const eligible = Object.fromEntries(pool.map((e) => [e.id, e.tier]));
    const tampered = structuredClone(replaced);
    tampered.selections[0]!.index += 1;
    const cases = [
      { record: vectors.unstratified.record, eligible: vectors.unstratified.eligible, salt: vectors.unstratified.salt },
      { record: vectors.stratified.record, eligible: vectors.stratified.eligible, salt: vectors.stratified.salt },
      { record: replaced, eligible, salt: SALT },
      { record: tampered, eligible, salt: SALT },
      { record: replaced, eligible, salt: "wrong salt" },
    ];
    const out = python(cases);
    expect(out.slice(0, 3)).toEqual(["ok", "ok", "ok"]);
    expect(out[3]).toMatch(/^fail: selections/);
    expect(out[4]).toMatch(/^fail/);
    expect(out[5]).toBe(true);
  });
});
