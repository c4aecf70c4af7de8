// The Python recipe of docs/spec/draw-v1.md §11, run as written (hashlib only) against our vectors and fresh draws:
// an independent implementation of the protocol must agree with ours, and must reject every failure §8.2 names.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { announce } from "../../src/draw/announce.js";
import { draw } from "../../src/draw/draw.js";
import { commitSecret, revealEntropy } from "../../src/draw/entropy.js";
import { replaceSelections } from "../../src/draw/replace.js";
import type { DrawRecord } from "../../src/model/record.js";
import { unwrap } from "../../src/result.js";
import { drawn, SALT, tieredPool } from "./_fixtures.js";
import { makeVectors } from "./_vectors.js";

const spec = readFileSync(new URL("../../docs/spec/draw-v1.md", import.meta.url), "utf8");
const recipe = /<!-- recheck\.py -->\n```python\n([\s\S]*?)```/.exec(spec)?.[1] ?? "";
const dir = mkdtempSync(join(tmpdir(), "draw-recheck-"));

interface Case { record: unknown; pool: unknown; salt: string; earlier?: string[] }

function python(cases: Case[]): (string | boolean)[] {
  writeFileSync(join(dir, "recheck.py"), recipe);
  writeFileSync(join(dir, "cases.json"), JSON.stringify(cases));
  const driver = `
import json, sys
exec(open(sys.argv[1], encoding="utf-8").read())
out = []
for c in json.load(open(sys.argv[2], encoding="utf-8")):
    try: out.append(recheck(c["record"], c["pool"], c["salt"], c.get("earlier", ())))
    except AssertionError as e: out.append("fail: " + str(e)[:60])
v = json.load(open(sys.argv[3], encoding="utf-8"))["chunked"]
out.append(stratum_digest([f"E{k:06d}" for k in range(v["count"])], "all", v["salt"]) == v["stratumDigest"])
print(json.dumps(out))`;
  writeFileSync(join(dir, "driver.py"), driver);
  const args = [join(dir, "driver.py"), join(dir, "recheck.py"), join(dir, "cases.json"), new URL("./draw-v1-vectors.json", import.meta.url).pathname];
  return JSON.parse(execFileSync("python3", args, { encoding: "utf8", timeout: 120_000 })) as (string | boolean)[];
}

const vectors = JSON.parse(readFileSync(new URL("./draw-v1-vectors.json", import.meta.url), "utf8")) as ReturnType<typeof makeVectors>;
const decision = { by: "科长 赵六", date: "2024-03-05" };

describe("Python re-check recipe (docs/spec/draw-v1.md §11)", () => {
  it("is in the spec and short", () => {
    expect(recipe).toContain("def recheck(");
    expect(recipe.trim().split("\n").length).toBeLessThanOrEqual(80);
  });

  it("the frozen vectors are what the code produces", () => {
    expect(JSON.parse(JSON.stringify(makeVectors()))).toEqual(vectors);
  });

  it("agrees with every vector and fresh draws, and rejects each failure of §8.2 (terminating on a stratum taken whole)", () => {
    const pool = ["😀1", "\u{E000}2", "𠀀3", "甲4", "A5", "B6", "\u{FF21}7", "C8", "D9", "E10", "F11", "G12"].map((id, k) => ({ id, tier: (["A", "B", "C", "D"] as const)[k % 4] }));
    const fresh = drawn(pool, { sizes: { A: 1, B: 2, C: 1, D: 3 } }).record;
    const one = unwrap(replaceSelections(fresh, pool, [{ id: fresh.selections[1]!.id, reason: "已注销", decision }], { salt: SALT }));
    const replaced = unwrap(replaceSelections(one, pool, [{ id: one.replacements[0]!.id, reason: "无法联系", decision, note: "电话停机" }], { salt: SALT }));
    const tamper = (f: (r: DrawRecord) => void) => {
      const r = structuredClone(replaced);
      f(r);
      return { record: r, pool, salt: SALT };
    };
    const whole = replaced.selections.find((s) => s.counter === null)!;
    // A commit–reveal draw, then its entropy with a secret that does not match the commitment.
    const secrets = ["第一方的秘密值-0123456789", "第二方的秘密值-9876543210"];
    const plain = tieredPool(20);
    const a = unwrap(announce({ taskId: "CR-1", pool: plain, stratify: "none", salt: SALT, sizes: 4, entropySource: { kind: "commitReveal", description: "双方", commitments: secrets.map((s) => unwrap(commitSecret(s))) } })).announcement;
    const cr = unwrap(draw(a, plain, unwrap(revealEntropy(a.entropySource.kind === "commitReveal" ? a.entropySource.commitments : [], secrets)), { salt: SALT }));
    const s = vectors.stratified;
    const cases: Case[] = [
      { record: vectors.unstratified.record, pool: vectors.unstratified.pool, salt: vectors.unstratified.salt },
      { record: s.record, pool: [...s.pool].reverse(), salt: s.salt },
      { record: vectors.chained.record, pool: s.pool, salt: s.salt },
      { record: replaced, pool, salt: SALT },
      { record: cr, pool: plain, salt: SALT },
      tamper((r) => void (r.selections[0]!.index += 1)),
      { record: replaced, pool, salt: "wrong salt" },
      tamper((r) => void (r.replacements[0]!.replaces = "G12-never-drawn")),
      tamper((r) => void r.replacements.pop()),
      tamper((r) => void ((r.replacements[1] as { reason: string }).reason = "已注销")),
      tamper((r) => void (r.entropy = { kind: "beacon", value: "beacon:1:" + "ab".repeat(16) })),
      tamper((r) => void (r.exclusions.inactive = 1)),
      tamper((r) => void (r.strata[0]!.seed = "x")),
      tamper((r) => r.replacements.push({ ...r.replacements[0]!, replaces: whole.id, stratum: whole.stratum })),
      { record: { ...cr, entropy: { kind: "commitReveal", value: `reveal:${secrets[0]}/不是承诺的秘密值/` } }, pool: plain, salt: SALT },
      { record: s.record, pool: s.pool.map((e) => (e.status ? { ...e, status: "active" } : e)), salt: s.salt },
      // Strata as data (§4.2): the region, tier × region and attribute vectors, then one entity moved to another county.
      { record: vectors.region.record, pool: vectors.region.pool, salt: vectors.region.salt },
      { record: vectors.tierRegion.record, pool: [...vectors.tierRegion.pool].reverse(), salt: vectors.tierRegion.salt },
      { record: vectors.attributes.record, pool: vectors.attributes.pool, salt: vectors.attributes.salt },
      { record: vectors.region.record, pool: vectors.region.pool.map((e, k) => (k === 0 ? { ...e, regionCode: "140581" } : e)), salt: vectors.region.salt },
      { record: vectors.attributes.record, pool: vectors.attributes.pool.map((e) => (e.id === "A05" ? { ...e, attributes: { 规模: 0.3 } } : e)), salt: vectors.attributes.salt },
    ];
    const out = python(cases);
    expect(out.slice(0, 5)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    expect(out.slice(5, 16)).toEqual([
      "fail: selections", "fail: strata", "fail: replaces an id not in the draw", "fail: replacement chain head", "fail: replacement chain head",
      "fail: task or entropy kind", "fail: exclusion counts", "fail: stratum seeds", "fail: stratum exhausted", "fail: commitments", "fail: exclusion counts",
    ]);
    expect(out.slice(16, 19)).toEqual(["ok", "ok", "ok"]);
    expect(out[19]).toMatch(/^fail: S[0-9a-f]{12}$/); // the county it moved to no longer recomputes
    expect(out[20]).toBe("fail: strata"); // 0.3 is another label than 0.30000000000000004
    expect(out[21]).toBe(true);
  });
});
