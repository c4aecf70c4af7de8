import { describe, expect, it } from "vitest";
import { announce } from "../../src/draw/announce.js";
import { buildManifest } from "../../src/draw/manifest.js";
import { compareCodePoints } from "../../src/draw/order.js";
import { createHash } from "node:crypto";
import fc from "fast-check";
import { baseInput, SALT, tieredPool } from "./_fixtures.js";

const sha = (b: Buffer | string) => createHash("sha256").update(b).digest();

describe("compareCodePoints", () => {
  it("orders like UTF-8 bytes, unlike JS's default sort, for astral vs U+E000–U+FFFF", () => {
    const xs = ["\u{FF21}", "\u{1F600}", "a", "\u{E000}", "\u{10000}"];
    expect([...xs].sort(compareCodePoints)).toEqual(["a", "\u{E000}", "\u{FF21}", "\u{10000}", "\u{1F600}"]);
    expect([...xs].sort()).not.toEqual([...xs].sort(compareCodePoints));
  });
  it("equals Buffer.compare of UTF-8 (fast-check)", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
      expect(Math.sign(compareCodePoints(a, b))).toBe(Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
    }), { numRuns: 2000 });
  });
});

describe("buildManifest", () => {
  it("hashes lines id\\tkey\\n in code point order, in chunks, salted (independent re-computation)", () => {
    const pool = [{ id: "\u{1F600}x" }, { id: "\u{FF21}" }, { id: "B" }, { id: "a" }];
    const m = buildManifest(pool, { stratify: "none", salt: SALT });
    if (!m.ok) throw new Error("unexpected");
    const ids = ["B", "a", "\u{FF21}", "\u{1F600}x"];
    expect(m.value.strata[0]!.ids).toEqual(ids);
    const chunk = sha(Buffer.from(ids.map((id) => `${id}\tall\n`).join(""), "utf8"));
    const d = sha(Buffer.concat([Buffer.from(`double-random/draw-v1 stratum\n${SALT}\n`, "utf8"), chunk])).toString("hex");
    expect(m.value.strata[0]!.digest).toBe(d);
    expect(m.value.digest).toBe(sha(`double-random/draw-v1 manifest\nall\t4\t${d}\n`).toString("hex"));
  });

  it("splits into chunks of exactly 65,536 lines", () => {
    const n = 65_536 + 3;
    const pool = Array.from({ length: n }, (_, k) => ({ id: `E${String(k).padStart(6, "0")}` }));
    const m = buildManifest(pool, { stratify: "none", salt: SALT });
    if (!m.ok) throw new Error("unexpected");
    const lines = pool.map((e) => `${e.id}\tall\n`);
    const c1 = sha(lines.slice(0, 65_536).join(""));
    const c2 = sha(lines.slice(65_536).join(""));
    const d = sha(Buffer.concat([Buffer.from(`double-random/draw-v1 stratum\n${SALT}\n`), c1, c2])).toString("hex");
    expect(m.value.strata[0]!.digest).toBe(d);
  });

  it("gives each tier an opaque salted key, strata in key order", () => {
    const m = buildManifest(tieredPool(20), { stratify: "tier", salt: SALT });
    if (!m.ok) throw new Error("unexpected");
    const keys = m.value.strata.map((s) => s.key);
    expect(keys).toEqual([...keys].sort(compareCodePoints));
    const keyOf = (label: string) => `S${sha(`double-random/draw-v1 stratum-key\n${SALT}\n${label}`).toString("hex").slice(0, 12)}`;
    for (const s of m.value.strata) expect(s.key).toBe(keyOf(s.label));
  });

  it("reports duplicates naming both rows, also across strata", () => {
    const r = buildManifest([{ id: "E1", tier: "A" }, { id: "E2" }, { id: "E1", tier: "D" }], { stratify: "tier", salt: SALT });
    expect(!r.ok && r.issues.map((i) => [i.code, i.params?.first, i.params?.second])).toEqual([["duplicate_entity_id", 1, 3]]);
    const inactive = buildManifest([{ id: "E1", status: "revoked" }, { id: "E1" }], { stratify: "none", salt: SALT });
    expect(!inactive.ok && inactive.issues[0]?.code).toBe("duplicate_entity_id");
  });

  it("reports bad input as coded issues", () => {
    const code = (pool: unknown, salt = SALT) => {
      const r = buildManifest(pool as never, { stratify: "none", salt });
      return r.ok ? r.warnings.map((i) => i.code) : r.issues.map((i) => i.code);
    };
    expect(code([])).toEqual(["empty_pool"]);
    expect(code([{ id: "" }])).toEqual(["entity_id_invalid"]);
    expect(code([{ id: "a\tb" }])).toEqual(["entity_id_invalid"]);
    expect(code([{ id: "a\uD800" }])).toEqual(["entity_id_invalid"]);
    expect(code([{ id: "a", tier: "E" }])).toEqual(["entity_field_invalid"]);
    expect(code([{ id: "a" }], "")).toEqual(["salt_empty"]);
    expect(code([{ id: "a" }], "short")).toEqual(["salt_short"]);
    expect(code("nope")).toEqual(["invalid_type"]);
  });
});

describe("exclusions", () => {
  const pool = [
    { id: "E1", tier: "A" as const },
    { id: "E2", tier: "B" as const, status: "deregistered" as const },
    { id: "E3", tier: "B" as const, inspections: [{ date: "2023-03-01", itemId: "娱乐场所治安管理监督检查" }] },
    { id: "E4", tier: "C" as const, inspections: [{ date: "2022-01-01", itemId: "娱乐场所治安管理监督检查" }] },
    { id: "E5", tier: "C" as const, inspections: [{ date: "2023-03-01", itemId: "其他事项" }] },
    { id: "E6", tier: "D" as const },
    { id: "E7", tier: "B" as const, status: "moved_out" as const },
    { id: "E8", tier: "D" as const },
  ];
  it("counts each reason: 非存续, A exempt by policy, drawn earlier, inspected recently for the same item", () => {
    const r = announce(baseInput(pool, {
      sizes: { B: 0, C: 1, D: 1 },
      policy: { rules: { A: { kind: "exempt" } } },
      exclusions: { recentInspection: { itemId: "娱乐场所治安管理监督检查", asOf: "2023-06-30", withinDays: 365 }, drawnEarlier: ["E8"] },
    }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.announcement.exclusions.counts).toEqual({ inactive: 2, tier_exempt: 1, drawn_earlier: 1, recently_inspected: 1 });
    expect(r.value.manifest.strata.flatMap((s) => s.ids).sort()).toEqual(["E4", "E5", "E6"]);
    expect(r.value.announcement.exclusions.rules.exemptTiers).toEqual(["A"]);
    expect(r.value.announcement.exclusions.rules.drawnEarlier?.count).toBe(1);
  });
  it("the period is the withinDays days up to and including asOf", () => {
    const at = (date: string) => [{ id: "X", inspections: [{ date, itemId: "I" }] }, { id: "Y" }];
    const excluded = (date: string) => {
      const r = announce(baseInput(at(date), { stratify: "none", sizes: 1, exclusions: { recentInspection: { itemId: "I", asOf: "2023-06-30", withinDays: 30 } } }));
      return r.ok ? r.value.announcement.exclusions.counts.recently_inspected : -1;
    };
    expect(excluded("2023-06-30")).toBe(1);
    expect(excluded("2023-06-01")).toBe(1);
    expect(excluded("2023-05-31")).toBe(0);
    expect(excluded("2023-07-01")).toBe(0);
  });
});

describe("sortCodePointsInPlace", () => {
  it("sorts like compareCodePoints, with and without surrogates, on long shared prefixes and duplicates (fast-check)", async () => {
    const { sortCodePointsInPlace } = await import("../../src/draw/order.js");
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 6 }), fc.string({ unit: fc.constantFrom("9", "1", "4", "\u{FF21}", "\u{1F600}"), maxLength: 30 })), { maxLength: 300 }), (xs) => {
        const hasSurrogates = xs.some((x) => /[\uD800-\uDFFF]/.test(x));
        expect(sortCodePointsInPlace([...xs], hasSurrogates)).toEqual([...xs].sort(compareCodePoints));
      }),
      { numRuns: 300 },
    );
  });
  it("stays correct on a pathological input (all equal prefixes, many duplicates, 20,000 ids)", async () => {
    const { sortCodePointsInPlace } = await import("../../src/draw/order.js");
    const xs = Array.from({ length: 20_000 }, (_, k) => `${"9".repeat(200)}${k % 7}${"1".repeat(k % 150)}`);
    expect(sortCodePointsInPlace([...xs], false)).toEqual([...xs].sort());
  });
});

describe("duplicate detection", () => {
  it("fails exactly when an id repeats, whatever the tiers and statuses (fast-check)", () => {
    const entity = fc.record({
      id: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "\u{1F600}", "\u{FF21}", "甲"),
      tier: fc.constantFrom("A", "B", "C", "D", undefined),
      status: fc.constantFrom("active", "active", "revoked"),
    });
    fc.assert(
      fc.property(fc.array(entity, { minLength: 1, maxLength: 9 }), (pool) => {
        const r = buildManifest(pool as never, { stratify: "tier", salt: SALT });
        const dup = new Set(pool.map((e) => e.id)).size < pool.length;
        const allExcluded = pool.every((e) => e.status !== "active");
        if (dup) expect(!r.ok && r.issues.every((i) => i.code === "duplicate_entity_id")).toBe(true);
        else expect(r.ok || allExcluded).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe("the byte radix sort (fast path of the code point sort, test/draw/fastpath.test.ts for its properties)", () => {
  it("is what sorts a large USCC-like pool, and agrees with the engine's sort", async () => {
    const { sortCodePointsInPlace } = await import("../../src/draw/order.js");
    const ids = Array.from({ length: 20_000 }, (_, k) => `9141${String((k * 7919) % 1_000_003).padStart(10, "0")}${k % 10}X`);
    expect(sortCodePointsInPlace([...ids], false)).toEqual([...ids].sort());
  });
});

describe("large pools (the radix path)", () => {
  const big = (n: number) => Array.from({ length: n }, (_, k) => ({ id: `9141${String((k * 7919) % 1_000_003).padStart(10, "0")}X`, tier: (["A", "B", "C", "D"] as const)[k % 4] }));
  it("finds a duplicate across strata and among excluded entities, naming both rows", () => {
    const pool = big(6000);
    const across = [...pool, { ...pool[10]!, tier: "D" as const }];
    const r = buildManifest(across, { stratify: "tier", salt: SALT });
    expect(!r.ok && r.issues.map((i) => [i.code, i.params?.first, i.params?.second])).toEqual([["duplicate_entity_id", 11, 6001]]);
    const excluded = [...pool, { id: pool[20]!.id, status: "revoked" as const }];
    const e = buildManifest(excluded, { stratify: "tier", salt: SALT });
    expect(!e.ok && e.issues[0]?.code).toBe("duplicate_entity_id");
  });
  it("gives the same strata as the comparison sort path (small pools)", () => {
    const pool = big(6000);
    const m = buildManifest(pool, { stratify: "tier", salt: SALT });
    if (!m.ok) throw new Error("unexpected");
    for (const s of m.value.strata) {
      const ids = pool.filter((e) => e.tier === s.label).map((e) => e.id).sort(compareCodePoints);
      expect(s.ids).toEqual(ids);
    }
  });
});
