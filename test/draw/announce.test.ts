import { describe, expect, it } from "vitest";
import { announce } from "../../src/draw/announce.js";
import { announcementDigest } from "../../src/draw/digest.js";
import { beaconEntropy, commitSecret, diceEntropy, lotteryEntropy, revealEntropy } from "../../src/draw/entropy.js";
import { deriveSeed } from "../../src/draw/seed.js";
import { draw } from "../../src/draw/draw.js";
import { parseQuota } from "../../src/quota/parseQuota.js";
import { unwrap } from "../../src/result.js";
import { createHash } from "node:crypto";
import { baseInput, SALT, tieredPool } from "./_fixtures.js";

const codes = (r: { ok: boolean; issues?: readonly { code: string }[]; warnings?: readonly { code: string }[] }) =>
  ((r.ok ? r.warnings : r.issues) ?? []).map((i) => i.code);

describe("announce", () => {
  it("publishes N, n, digests, exclusions and the future source, and nothing about tiers", () => {
    const { announcement } = unwrap(announce(baseInput(tieredPool(70))));
    expect(announcement.strata.map((s) => [s.N, s.n]).sort()).toEqual([[10, 1], [10, 2], [20, 2], [30, 3]].sort());
    expect(announcement.digest).toBe(announcementDigest(announcement));
    expect(JSON.stringify(announcement)).not.toMatch(/:"[ABCD]"|untiered|"tier":/);
  });

  it("the digest is SHA-256 of canonical JSON (sorted keys, no spaces), as Python's json.dumps writes it", () => {
    const { announcement } = unwrap(announce(baseInput(tieredPool(14))));
    const { digest, ...body } = announcement;
    const sortKeys = (v: unknown): unknown => (Array.isArray(v) ? v.map(sortKeys) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)])) : v);
    expect(createHash("sha256").update(JSON.stringify(sortKeys(body)), "utf8").digest("hex")).toBe(digest);
  });

  it("takes sizes from a real quota (焦作 每半年3%) through the quota area's allocate", () => {
    const quota = unwrap(parseQuota("每半年3%"));
    const r = announce(baseInput(tieredPool(700), { sizes: undefined, allocation: { policy: { rules: { D: { kind: "all" } } }, base: quota } }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const byLabel = Object.fromEntries(r.value.manifest.strata.map((s, k) => [s.label, r.value.announcement.strata[k]!]));
    expect(byLabel.D).toMatchObject({ N: 100, n: 100 });
    expect(byLabel.B).toMatchObject({ N: 300, n: 9 });
    expect(r.value.allocation?.rows).toHaveLength(4);
  });

  it("excludes tiers the policy exempts", () => {
    const r = unwrap(announce(baseInput(tieredPool(70), { sizes: { B: 1, C: 1, D: 1 }, policy: { rules: { A: { kind: "exempt" } } } })));
    expect(r.announcement.exclusions.counts.tier_exempt).toBe(10);
    expect(r.manifest.strata.map((s) => s.label).sort()).toEqual(["B", "C", "D"]);
  });

  it("reports bad input: k > N, missing or unknown sizes, empty pool, bad source, both sizes and allocation", () => {
    const pool = tieredPool(14);
    expect(codes(announce(baseInput(pool, { sizes: { A: 3, B: 1, C: 1, D: 1 } })))).toEqual(["sample_too_large"]);
    expect(codes(announce(baseInput(pool, { sizes: { B: 1, C: 1, D: 1 } })))).toEqual(["size_missing"]);
    expect(codes(announce(baseInput(pool, { sizes: { A: 1, B: 1, C: 1, D: 1, untiered: 2 } })))).toEqual(["size_unknown_stratum"]);
    expect(codes(announce(baseInput([], { sizes: 0, stratify: "none" })))).toEqual(["empty_pool"]);
    expect(codes(announce(baseInput(pool, { entropySource: { kind: "dice" } as never })))).toContain("invalid_type");
    expect(codes(announce(baseInput(pool, { taskId: "" })))).toContain("invalid_argument");
    expect(codes(announce(baseInput(pool, { allocation: { policy: { rules: {} } } })))).toContain("invalid_argument");
  });
});

describe("entropy helpers", () => {
  it("canonicalises lottery numbers RFC 3797-style", () => {
    expect(unwrap(lotteryEntropy([{ name: "双色球红球", numbers: [33, 7, 1, 20, 15, 9] }, { name: "蓝球", numbers: [12] }])).value).toBe("lottery:1.7.9.15.20.33./12./");
    expect(codes(lotteryEntropy([]))).toEqual(["entropy_invalid"]);
    expect(codes(lotteryEntropy([{ numbers: [1.5] }]))).toEqual(["entropy_invalid"]);
  });
  it("warns for fewer than 20 dice digits", () => {
    expect(codes(diceEntropy("1234"))).toEqual(["entropy_weak"]);
    expect(codes(diceEntropy("12345678901234567890"))).toEqual([]);
    expect(codes(diceEntropy("12a4"))).toEqual(["entropy_invalid"]);
  });
  it("normalises a beacon value with its round", () => {
    expect(unwrap(beaconEntropy({ round: 7, value: "AB".repeat(16) })).value).toBe(`beacon:7:${"ab".repeat(16)}`);
    expect(codes(beaconEntropy({ round: -1, value: "ab".repeat(16) }))).toEqual(["entropy_invalid"]);
  });
  it("commit–reveal: the reveal must match each commitment", () => {
    const c = unwrap(commitSecret("公安局-随机数-8f2a91c4d7"));
    expect(c).toBe(createHash("sha256").update("公安局-随机数-8f2a91c4d7", "utf8").digest("hex"));
    expect(unwrap(revealEntropy([c], ["公安局-随机数-8f2a91c4d7"])).value).toBe("reveal:公安局-随机数-8f2a91c4d7/");
    expect(codes(revealEntropy([c], ["别的秘密-0000000000000"]))).toEqual(["commitment_mismatch"]);
    expect(codes(commitSecret("a\uDC00"))).toEqual(["seed_lone_surrogate"]);
  });
  it("a commit–reveal announcement draws only with the right reveal", () => {
    const pool = tieredPool(40);
    const c = unwrap(commitSecret("secret-of-the-bureau-42"));
    const { announcement } = unwrap(announce(baseInput(pool, { entropySource: { kind: "commitReveal", description: "两部门各自承诺", commitments: [c] } })));
    expect(draw(announcement, pool, unwrap(revealEntropy([c], ["secret-of-the-bureau-42"])), { salt: SALT }).ok).toBe(true);
    const forged = draw(announcement, pool, { kind: "commitReveal", value: "reveal:another/" }, { salt: SALT });
    expect(codes(forged)).toEqual(["commitment_mismatch"]);
  });
  it("the seed is SHA-256 over task id, announcement digest and entropy", () => {
    const e = unwrap(diceEntropy("12345678901234567890"));
    expect(deriveSeed("T", "d".repeat(64), e)).toBe(createHash("sha256").update(`double-random/draw-v1 seed\nT\n${"d".repeat(64)}\ndice:12345678901234567890`).digest("hex"));
  });
});
