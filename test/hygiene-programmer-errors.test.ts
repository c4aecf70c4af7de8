// A wrong call (an argument that is not even of its type) throws the SDK's coded DoubleRandomError, never a raw
// TypeError from deep inside: callers catch one error class. Every function of the main entry is called with
// undefined, null and a number as its first argument; it may return anything (a failed Result is fine) or throw a
// DoubleRandomError.
import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

// Functions that still let a TypeError out on such a call (to be fixed by their areas). A function that is fixed
// fails the ratchet below until it is taken off this list.
const KNOWN: ReadonlySet<string> = new Set<string>([]);

const functions = Object.entries(api as Record<string, unknown>).filter((e): e is [string, (...a: unknown[]) => unknown] => typeof e[1] === "function" && /^[a-z]/.test(e[0]));

async function escapes(f: (...a: unknown[]) => unknown): Promise<string[]> {
  const out: string[] = [];
  for (const arg of [undefined, null, 42]) {
    try {
      await f(arg);
    } catch (e) {
      if (!(e instanceof api.DoubleRandomError)) out.push(`${String(arg)}: ${(e as Error).name}`);
    }
  }
  return out;
}

describe("programmer errors are DoubleRandomError", () => {
  it("the sweep sees the public functions (self-check)", () => {
    expect(functions.map(([n]) => n)).toEqual(expect.arrayContaining(["matchInspectors", "rivestSample", "scheduleBatches", "lintPlan"]));
  });
  it.each(functions.filter(([n]) => !KNOWN.has(n)))("%s(undefined | null | 42) returns or throws DoubleRandomError", async (_name, f) => {
    expect(await escapes(f)).toEqual([]);
  });
  it.each(functions.filter(([n]) => KNOWN.has(n)))("%s is still on the list of known escapes (take it off once fixed)", async (_name, f) => {
    expect((await escapes(f)).length).toBeGreaterThan(0);
  });
  it.each(["announcementDigest", "beaconEntropy", "buildManifest", "buildManifestFromSource", "compareCodePoints", "deriveSeed", "reduceHash", "streamPick"])(
    "%s(undefined) throws invalid_argument naming the call in zh and en",
    async (name) => {
      const f = (api as unknown as Record<string, (...a: unknown[]) => unknown>)[name] as (...a: unknown[]) => unknown;
      const error = await (async () => f(undefined))().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(api.DoubleRandomError);
      const e = error as InstanceType<typeof api.DoubleRandomError>;
      expect(e.code).toBe("invalid_argument");
      expect(e.message).toContain(`${name}: `);
      expect(e.issues.map((i) => i.code)).toEqual(["invalid_argument"]);
      expect(e.issues[0]?.message.zh).toContain(`${name}：`);
      expect(e.issues[0]?.message.en).toContain(`${name}: `);
    },
  );
  it("rivestSample() and scheduleBatches with a hand-built window name the wrong call", () => {
    expect(() => (api.rivestSample as (o?: unknown) => unknown)()).toThrow(api.DoubleRandomError);
    const call = () => api.scheduleBatches({ poolSize: 10, quota: "10%", window: { windows: [null] } as never });
    expect(call).toThrow(api.DoubleRandomError);
    try {
      call();
    } catch (e) {
      expect((e as InstanceType<typeof api.DoubleRandomError>).code).toBe("invalid_argument");
    }
  });
});
