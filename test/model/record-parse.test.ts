// parseDrawRecord (issue 16: a record's selections checked without a zod object each) against the schema itself:
// the same value for a good record, the same issues (code, words, path, order) for a bad one, wherever it is bad.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWith } from "../../src/_internal/zod.js";
import { parseRecord } from "../../src/draw/_checks.js";
import { DrawRecord } from "../../src/model/record.js";
import { parseDrawRecord } from "../../src/model/record-parse.js";
import { drawn, tieredPool } from "../draw/_fixtures.js";

const { record } = drawn(tieredPool(70));
const { record: big } = drawn(tieredPool(60_000), { sizes: { A: 3000, B: 6000, C: 4000, D: 2000 } });
const reference = (input: unknown) => parseWith(DrawRecord, input);

function same(input: unknown): void {
  const want = reference(input);
  const got = parseDrawRecord(input);
  expect(got).toEqual(want);
  if (got.ok && want.ok) expect(Object.keys(got.value.selections[0] ?? {})).toEqual(Object.keys(want.value.selections[0] ?? {}));
}

// Values a field might hold in a record that is not what it claims.
const odd = fc.constantFrom<unknown>(
  undefined, null, "", "x", "E0001", 0, -1, 1, 1.5, 2 ** 53, Number.MAX_SAFE_INTEGER, NaN, Infinity, -0, "1", true, [], {}, [1],
  "a".repeat(64), "A".repeat(64), `${"a".repeat(64)}\n`, "a".repeat(63), "g".repeat(64), new Date(0), Object.create(null),
);
const FIELDS = ["id", "stratum", "counter", "hash", "index"] as const;

describe("parseDrawRecord", () => {
  it("gives a good record's value as the schema gives it: fresh objects, keys in the schema's order", () => {
    same(record);
    same(big);
    const parsed = parseDrawRecord(big);
    expect(parsed.ok && parsed.value.selections[7]).not.toBe(big.selections[7]);
    const shuffled = { ...record, selections: record.selections.map((s) => ({ index: s.index, hash: s.hash, counter: s.counter, stratum: s.stratum, id: s.id })) };
    same(shuffled);
  });

  it("reports a malformed selection deep in a 60,000-entity draw's selections with its path, as zod does", () => {
    const r = structuredClone(big) as { selections: Record<string, unknown>[] };
    expect(r.selections.length).toBe(15_000);
    r.selections[14_321]!.hash = "F".repeat(64);
    r.selections[9_999]!.counter = 0;
    const got = parseDrawRecord(r);
    same(r);
    expect(got.ok ? [] : got.issues.map((i) => [i.code, i.path])).toEqual([
      ["too_small", ["selections", 9_999, "counter"]],
      ["invalid_format", ["selections", 14_321, "hash"]],
    ]);
    const v = parseRecord(r);
    expect(v.ok ? [] : v.issues.map((i) => [i.code, i.path])).toEqual([
      ["record_malformed", ["selections", 9_999, "counter"]],
      ["record_malformed", ["selections", 14_321, "hash"]],
    ]);
  });

  it("any field of any selection set to an odd value, an extra key, or a non-object: the schema's issues (fast-check)", () => {
    fc.assert(
      fc.property(fc.nat(record.selections.length - 1), fc.constantFrom(...FIELDS, "extra", "drop", "whole"), odd, (k, field, value) => {
        const r = structuredClone(record) as { selections: unknown[] };
        const s = r.selections[k] as Record<string, unknown>;
        if (field === "whole") r.selections[k] = value;
        else if (field === "drop") delete s[FIELDS[k % FIELDS.length] as string];
        else s[field] = value;
        same(r);
      }),
      { numRuns: 400 },
    );
  });

  it("bad selections beside bad fields before and after them, and bad selections fields: issues in the schema's order", () => {
    const cases: ((r: Record<string, unknown>) => void)[] = [
      (r) => void (r.selections = "none"),
      (r) => void delete r.selections,
      (r) => void (r.selections = { 0: record.selections[0] }),
      (r) => void (r.selections = [...record.selections, , record.selections[0]]),
      (r) => void ((r.seed = 5), ((r.selections as unknown[])[1] = 7), (r.replacements = "x"), (r.extra = 1), (r.exclusions = null)),
      (r) => void ((r.taskId = ""), ((r.selections as Record<string, unknown>[])[2]!.id = ""), (r.match = 3), (r.replacementsHead = "zz")),
      (r) => void ((r.strata = 1), (r.selections = null), (r.announcement = { protocol: "double-random/draw-v1" })),
      (r) => void Object.setPrototypeOf((r.selections as object[])[0]!, { inherited: true }),
      (r) => void Object.defineProperty((r.selections as object[])[0]!, "hidden", { value: 1, enumerable: false }),
    ];
    for (const change of cases) {
      const r = structuredClone(record) as unknown as Record<string, unknown>;
      change(r);
      same(r);
    }
    for (const garbage of [null, undefined, 5, "record", [], [record], {}, { selections: [] }]) same(garbage);
  });
});
