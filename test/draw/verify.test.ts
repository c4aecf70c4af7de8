import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { verifyDraw } from "../../src/draw/verify.js";
import type { DrawRecord } from "../../src/model/record.js";
import { drawn, SALT, tieredPool } from "./_fixtures.js";

const pool = tieredPool(70);
const { record } = drawn(pool);
const codes = (r: ReturnType<typeof verifyDraw>) => (r.ok ? [] : r.issues.map((i) => i.code));
const clone = (): DrawRecord => structuredClone(record);

describe("verifyDraw", () => {
  it("accepts the record, with the pool in any order", () => {
    expect(verifyDraw(record, pool, { salt: SALT }).ok).toBe(true);
    expect(verifyDraw(record, [...pool].reverse(), { salt: SALT }).ok).toBe(true);
  });

  it("ignores a match section added by inspector matching", () => {
    expect(verifyDraw({ ...clone(), match: { teams: [] } }, pool, { salt: SALT }).ok).toBe(true);
  });

  it("names the stratum, the pick, expected and found for a changed selection", () => {
    const r = clone();
    const first = r.selections[0]!;
    r.selections[0] = { ...first, id: "E0001" === first.id ? "E0002" : "E0001" };
    const v = verifyDraw(r, pool, { salt: SALT });
    expect(v.ok).toBe(false);
    const issue = !v.ok ? v.issues[0]! : undefined;
    expect(issue?.code).toBe("selection_mismatch");
    expect(issue?.params).toMatchObject({ stratum: first.stratum, position: 1, field: "id", expected: first.id });
  });

  it("detects a changed seed, entropy, size, digest, exclusion count or dropped pick", () => {
    const cases: Array<[string, (r: DrawRecord) => void, string]> = [
      ["seed", (r) => void (r.seed = "0".repeat(64)), "seed_mismatch"],
      ["entropy", (r) => void (r.entropy = { kind: "dice", value: "dice:11111111111111111111" }), "seed_mismatch"],
      ["size", (r) => void (r.strata[0]!.n += 1), "record_announcement_mismatch"],
      ["task id", (r) => void (r.taskId = "OTHER"), "record_announcement_mismatch"],
      ["announced size", (r) => void (r.announcement.strata[0]!.n += 1), "announcement_altered"],
      ["manifest digest", (r) => void (r.manifestDigest = "f".repeat(64)), "manifest_digest_mismatch"],
      ["exclusions", (r) => void (r.exclusions.inactive = 3), "exclusion_count_mismatch"],
      ["dropped pick", (r) => void r.selections.pop(), "selection_count_mismatch"],
      ["hash", (r) => void (r.selections[1]!.hash = "a".repeat(64)), "selection_mismatch"],
      ["counter", (r) => void (r.selections[1]!.counter = 7), "selection_mismatch"],
      ["stratum seed", (r) => void (r.strata[1]!.seed = "x"), "stratum_mismatch"],
      ["protocol", (r) => void ((r as { protocol: string }).protocol = "double-random/draw-v0"), "protocol_unsupported"],
      ["malformed", (r) => void ((r as { selections: unknown }).selections = "none"), "record_malformed"],
    ];
    for (const [name, tamper, code] of cases) {
      const r = clone();
      tamper(r);
      expect(codes(verifyDraw(r, pool, { salt: SALT })), name).toContain(code);
    }
  });

  it("reports every §8.2 failure after an altered announcement, not only the first (issue 18)", () => {
    const r = clone();
    r.announcement.strata[0]!.n += 1;
    r.seed = "0".repeat(64);
    r.exclusions.inactive = 3;
    const found = codes(verifyDraw(r, pool, { salt: SALT }));
    expect(found).toEqual(expect.arrayContaining(["announcement_altered", "seed_mismatch", "record_announcement_mismatch", "exclusion_count_mismatch", "selection_count_mismatch"]));
  });

  it("says what differs between the record and its announcement, in words, and what an altered announcement's digests are", () => {
    const r = clone();
    r.taskId = "OTHER";
    r.announcement.taskName = "改过的名称";
    const v = verifyDraw(r, pool, { salt: SALT });
    const byCode = new Map((v.ok ? [] : v.issues).map((i) => [i.code, i]));
    expect(byCode.get("record_announcement_mismatch")?.message.zh).toBe(`抽取记录未照录其公告：任务编号公告为${record.taskId}，记录为OTHER`);
    expect(byCode.get("announcement_altered")?.params).toMatchObject({ found: record.announcement.digest });
  });

  it("renders mismatch fields and reasons in words: params keep the token, fieldName/reasonName give the words", () => {
    const r = clone();
    r.selections[1]!.counter = 7;
    r.exclusions.tier_exempt = 2;
    const v = verifyDraw(r, pool, { salt: SALT });
    const issues = v.ok ? [] : v.issues;
    const pick = issues.find((i) => i.code === "selection_mismatch")!;
    expect(pick.params).toMatchObject({ field: "counter", fieldName: { zh: "计数 i", en: "counter" } });
    expect(pick.message.zh).toContain("（计数 i）");
    const count = issues.find((i) => i.code === "exclusion_count_mismatch")!;
    expect([count.params?.reason, count.message.zh]).toEqual(["tier_exempt", "排除数（免抽）不符：应为0，记录为2"]);
    for (const i of issues) expect(i.message.zh, i.code).not.toMatch(/\b(counter|tier_exempt|presence|missing)\b/);
  });

  it("record_malformed names the field once, in each language", () => {
    const v = verifyDraw("5" as unknown as DrawRecord, pool, { salt: SALT });
    const m = v.ok ? undefined : v.issues[0]!.message;
    expect(m?.en).not.toContain("(root): (root)");
    expect(m?.zh).not.toMatch(/wrong type|\(root\)/);
    const w = verifyDraw({ ...clone(), seed: 5 } as unknown as DrawRecord, pool, { salt: SALT });
    expect(w.ok ? "" : w.issues[0]!.message.en).not.toMatch(/seed: seed:/);
  });

  it("detects a changed pool: added, removed or re-tiered entity, and the wrong salt", () => {
    expect(codes(verifyDraw(record, [...pool, { id: "E9000", tier: "C" }], { salt: SALT }))).toContain("manifest_digest_mismatch");
    expect(codes(verifyDraw(record, pool.slice(1), { salt: SALT }))).toContain("manifest_digest_mismatch");
    const retiered = pool.map((e, k) => (k === 5 ? { ...e, tier: e.tier === "A" ? ("B" as const) : ("A" as const) } : e));
    expect(codes(verifyDraw(record, retiered, { salt: SALT }))).toContain("stratum_mismatch");
    expect(codes(verifyDraw(record, pool, { salt: "not-the-salt-0123456789" }))).toContain("manifest_digest_mismatch");
  });

  it("never throws on garbage", () => {
    for (const bad of [null, 1, "x", [], {}, { protocol: "double-random/draw-v1" }]) {
      expect(verifyDraw(bad as never, pool, { salt: SALT }).ok).toBe(false);
    }
    expect(verifyDraw(record, "pool" as never, { salt: SALT }).ok).toBe(false);
  });

  it("any single-field change of a selection is detected (fast-check)", () => {
    fc.assert(
      fc.property(fc.nat(record.selections.length - 1), fc.constantFrom("id", "stratum", "counter", "hash", "index"), fc.nat(), (k, field, salt) => {
        const r = clone();
        const s = r.selections[k]! as Record<string, unknown>;
        const v = s[field];
        s[field] = typeof v === "number" ? v + 1 + (salt % 5) : typeof v === "string" && field === "hash" ? (v.startsWith("0") ? `1${v.slice(1)}` : `0${v.slice(1)}`) : `${String(v)}x`;
        expect(verifyDraw(r, pool, { salt: SALT }).ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it("any change to the pool (add, remove, re-tier, re-status) is detected (fast-check)", () => {
    fc.assert(
      fc.property(fc.nat(pool.length - 1), fc.constantFrom("add", "remove", "retier", "close"), (k, op) => {
        const p = pool.map((e) => ({ ...e }));
        if (op === "add") p.push({ id: `X${k}`, tier: "B" });
        if (op === "remove") p.splice(k, 1);
        if (op === "retier") p[k] = { ...p[k]!, tier: p[k]!.tier === "D" ? "C" : "D" };
        if (op === "close") p[k] = { ...p[k]!, status: "deregistered" };
        expect(verifyDraw(record, p, { salt: SALT }).ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
