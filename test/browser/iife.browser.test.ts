// The script-tag bundle in real Chromium, under a strict Content-Security-Policy.
import { describe, expect, it } from "vitest";

type Frame = Window & {
  __violations: { directive: string; blocked: string; sample: string }[];
  __evalWorked?: boolean;
  DoubleRandom?: { jitless: boolean; parseEntity(x: unknown): unknown; parsePlan(x: unknown): unknown };
};

async function strictFrame(scripts: string[]): Promise<Frame> {
  const iframe = document.createElement("iframe");
  const tags = scripts.map((s) => `<script src="${s}"></script>`).join("");
  iframe.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'">${tags}<p>ok</p>`;
  const loaded = new Promise((resolve) => iframe.addEventListener("load", resolve, { once: true }));
  document.body.appendChild(iframe);
  await loaded;
  return iframe.contentWindow as Frame;
}

// Violation events are queued tasks: give them time to arrive before counting.
const settle = () => new Promise((r) => setTimeout(r, 300));

describe("script-tag bundles (dist/double-random.global.js, dist/double-random.draw.global.js)", () => {
  it("the detector sees an eval violation under script-src 'self' (control)", async () => {
    const w = await strictFrame(["/test/browser/csp-listener.js", "/test/browser/csp-eval-control.js"]);
    await settle();
    expect(w.__evalWorked).toBe(false);
    expect(w.__violations.some((v) => v.blocked === "eval")).toBe(true);
  });

  it("loads, exposes DoubleRandom and validates an entity with no CSP violation", async () => {
    const w = await strictFrame(["/test/browser/csp-listener.js", "/dist/double-random.global.js"]);
    const api = w.DoubleRandom;
    expect(api, "window.DoubleRandom missing: was `npm run build` run?").toBeDefined();
    if (!api) return;
    expect(api.jitless).toBe(true);
    const good = api.parseEntity({ id: "91350100M000100Y43", idKind: "uscc", name: "某公司", kind: "企业", tier: "高风险" }) as { ok: boolean; value: { tier: string; kind: string } };
    expect(good).toMatchObject({ ok: true, value: { tier: "D", kind: "enterprise" } });
    const bad = api.parseEntity({ id: "91350100M000100Y44", idKind: "uscc", name: "某公司" }) as { ok: boolean; issues: { code: string; message: { zh: string } }[] };
    expect(bad.ok).toBe(false);
    expect(bad.issues[0]?.code).toBe("uscc_invalid_check");
    expect(bad.issues[0]?.message.zh).toContain("校验位");
    const plan = api.parsePlan({ year: 2023, tasks: [{ id: "T1", name: "x", targeting: "undirected", quotaText: "20%", windowText: "全年" }] }) as { ok: boolean };
    expect(plan.ok).toBe(true);
    await settle();
    expect(w.__violations).toEqual([]);
  });

  it("the draw bundle announces, draws and re-checks a draw with no CSP violation", async () => {
    const w = await strictFrame(["/test/browser/csp-listener.js", "/dist/double-random.draw.global.js"]);
    const api = (w as unknown as { DoubleRandom?: Record<string, (...a: unknown[]) => { ok: boolean; value: never }> }).DoubleRandom;
    expect(api, "window.DoubleRandom missing: was `npm run build` run?").toBeDefined();
    if (!api) return;
    expect((api as unknown as { jitless: boolean }).jitless).toBe(true);
    expect(api.parseQuota, "the calculators are in the full bundle only").toBeUndefined();
    const pool = api.parseEntityPoolCsv!("编号,名称,信用风险分类\nE1,甲,高风险\nE2,乙,高风险\nE3,丙,一般风险\nE4,丁,一般风险\nE5,戊,一般风险\n").value;
    const salt = "csp-draw-bundle-salt-0001";
    const a = api.announce!({ taskId: "T-CSP", pool, stratify: "tier", salt, sizes: { B: 2, D: 1 }, entropySource: { kind: "dice", description: "test" } });
    expect(a.ok).toBe(true);
    const record = api.draw!((a.value as { announcement: unknown }).announcement, pool, api.diceEntropy!("27182818284590452353").value, { salt });
    expect(record.ok).toBe(true);
    expect(api.verifyDraw!(record.value, pool, { salt }).ok).toBe(true);
    await settle();
    expect(w.__violations).toEqual([]);
  });
});
