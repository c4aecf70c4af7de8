// docs/spec/vectors/match-v1.json ships with the package (package.json `files` has docs/spec): the library and the
// Python implementations written from the spec reproduce every vector, and the spec document prints them.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { matchCommitment, matchInspectors, recuseInspector, unwrap } from "../../src/index.js";
import pkg from "../../package.json" with { type: "json" };

const root = new URL("../../", import.meta.url).pathname;
const file = JSON.parse(readFileSync(join(root, "docs/spec/vectors/match-v1.json"), "utf8")) as {
  vectors: { name: string; input: Record<string, unknown>; expected: Record<string, unknown> }[];
};
const spec = readFileSync(join(root, "docs/spec/match-v1.md"), "utf8");
const byName = (prefix: string) => file.vectors.find((v) => v.name.startsWith(prefix))!;
const python = (script: string, input: unknown) => {
  const out = spawnSync("/usr/bin/python3", [join(root, "test/match/reference", script)], { input: JSON.stringify(input), encoding: "utf8" });
  expect(out.status, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as unknown[];
};

describe("match-v1 vectors (docs/spec/vectors/match-v1.json)", () => {
  it("ships in the package and the spec points to it", () => {
    expect(pkg.files).toContain("docs/spec");
    expect(spec).toContain("docs/spec/vectors/match-v1.json");
  });

  it("the library reproduces every vector", () => {
    for (const v of file.vectors) {
      const e = v.expected;
      if (typeof e.refused === "string") {
        const r = v.input.record ? matchInspectors(v.input as never) : matchCommitment(v.input as never);
        expect(r.ok ? [] : r.issues.map((i) => i.code), v.name).toEqual([e.refused]);
      } else if (v.name.startsWith("9.3")) {
        expect(unwrap(matchCommitment(v.input as never)), v.name).toEqual(e);
      } else if (v.input.recusal) {
        const m = unwrap(matchInspectors(v.input as never));
        const r = unwrap(recuseInspector({ ...(v.input as object), record: m.record } as never));
        expect(m.record.match.logHead, v.name).toBe(e.genesis);
        expect({ entry: r.entry, logHead: r.record.match.logHead, teams: r.record.match.teams, counter: r.record.match.counter }, v.name)
          .toEqual({ entry: e.entry, logHead: e.logHead, teams: e.teams, counter: e.counter });
      } else {
        const m = unwrap(matchInspectors(v.input as never));
        expect({ teams: m.teams, counter: m.record.match.counter, ...(e.repairs === undefined ? {} : { repairs: m.record.match.repairs, logHead: m.record.match.logHead }) }, v.name).toEqual(e);
      }
    }
  });

  it("the Python implementations written from the spec reproduce them", () => {
    const matching = ["9.1", "9.4", "9.5", "9.6", "9.7"].map(byName);
    const theirs = python("match_v1.py", matching.map((v) => v.input));
    matching.forEach((v, k) => {
      const e = v.expected as { teams?: { targetId: string; members: { id: string }[]; experts: { id: string }[]; leaderId?: string }[]; counter?: number; refused?: string };
      if (e.refused) expect(theirs[k], v.name).toBe("refused");
      else expect(theirs[k], v.name).toEqual({ teams: e.teams!.map((t) => ({ targetId: t.targetId, ids: [...t.members, ...t.experts].map((m) => m.id), ...(t.leaderId ? { leaderId: t.leaderId } : {}) })), counter: e.counter });
    });
    const c = byName("9.3");
    const [digests] = python("commitment_v1.py", [c.input]) as Record<string, string>[];
    const { protocol: _p, ...expected } = c.expected;
    expect(digests).toEqual(expected);
    // §8.2: the genesis and an entry's digest, from their definitions.
    const chain = byName("9.2").expected as { genesis: string; entryCanonicalJson: string; logHead: string };
    const out = spawnSync("/usr/bin/python3", ["-c", [
      "import hashlib, json, sys",
      "d = json.load(sys.stdin)",
      "canon = lambda x: json.dumps(x, sort_keys=True, separators=(',', ':'), ensure_ascii=False)",
      "print(json.dumps([hashlib.sha256(canon({'chain': 'double-random/match-v1/log', 'taskId': 'T1'}).encode()).hexdigest(), hashlib.sha256(canon(d).encode()).hexdigest(), canon(d)], ensure_ascii=False))",
    ].join("\n")], { input: JSON.stringify((byName("9.2").expected as { entry: unknown }).entry), encoding: "utf8" });
    expect(JSON.parse(out.stdout)).toEqual([chain.genesis, chain.logHead, chain.entryCanonicalJson]);
  });

  it("the spec document prints every digest and team of the vectors", () => {
    const c = byName("9.3").expected as Record<string, string>;
    const chain = byName("9.2").expected as { genesis: string; logHead: string };
    for (const hex of [c.rules, c.inspectors, c.entities, chain.genesis, chain.logHead]) expect(spec).toContain(hex!);
  });
});
