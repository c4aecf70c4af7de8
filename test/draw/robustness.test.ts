// Nothing is thrown at a caller for user data: garbage in gives coded issues out.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { announce } from "../../src/draw/announce.js";
import { draw } from "../../src/draw/draw.js";
import { replaceSelections } from "../../src/draw/replace.js";
import { verifyDraw } from "../../src/draw/verify.js";
import { LIBRARY_VERSION } from "../../src/model/record.js";
import { readFileSync } from "node:fs";
import { drawn, SALT, tieredPool } from "./_fixtures.js";

const pool = tieredPool(30);
const garbage = fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true });
const { announcement, record } = drawn(pool);

describe("robustness", () => {
  it("announce, draw, verifyDraw and replaceSelections return issues for any garbage (fast-check)", () => {
    fc.assert(
      // Values a JSON reader never makes but a caller can: objects without a prototype (String() throws on them), BigInt, Map…
      fc.property(garbage, garbage, (x, y) => {
        for (const r of [
          announce(x as never),
          announce({ ...(typeof x === "object" && x !== null ? x : {}), pool: y } as never),
          draw(x as never, pool, y as never, { salt: SALT }),
          draw(announcement, y as never, { kind: "dice", value: "dice:1" }, x as never),
          verifyDraw(x as never, pool, { salt: SALT }),
          verifyDraw(record, y as never, { salt: SALT }),
          verifyDraw(record, pool, x as never),
          replaceSelections(record, pool, x as never, { salt: SALT }),
        ]) {
          expect(typeof r.ok).toBe("boolean");
          if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("records name the package's version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { name: string; version: string };
    expect(LIBRARY_VERSION).toBe(`${pkg.name}@${pkg.version}`);
    expect(record.library).toBe(LIBRARY_VERSION);
  });
});

describe("announce with a garbage field", () => {
  const base = { taskId: "T", pool, stratify: "tier", salt: SALT, sizes: { A: 1, B: 1, C: 1, D: 1 }, entropySource: { kind: "dice", description: "d" } };
  const garbage: unknown[] = [5, "x", null, [], {}, [5], { a: 1 }, true];
  const fields = ["taskId", "pool", "stratify", "salt", "sizes", "allocation", "policy", "exclusions", "entropySource", "taskName"];
  const nested = ["exemptTiers", "recentInspection", "drawnEarlier"];
  it.each(fields)("%s", (field) => {
    for (const g of garbage) {
      const r = announce({ ...base, [field]: g } as never);
      expect(typeof r.ok).toBe("boolean");
    }
  });
  it.each(nested)("exclusions.%s", (field) => {
    for (const g of garbage) {
      const r = announce({ ...base, exclusions: { [field]: g } } as never);
      expect(typeof r.ok).toBe("boolean");
      if (g !== null && !(Array.isArray(g) && g.length === 0)) expect(r.ok, `${field}=${JSON.stringify(g)}`).toBe(false);
    }
  });
});

describe("pool rows with garbage fields", () => {
  it("are issues, not exceptions", () => {
    const rows: unknown[] = [{ id: "X", inspections: 5 }, { id: "X2", inspections: [null, 5, { date: 7, itemId: "I" }] }, { id: "X3", status: 5 }, { id: "X4", tier: {} }];
    for (const row of rows) {
      const r = announce({ taskId: "T", pool: [...pool, row] as never, stratify: "tier", salt: SALT, sizes: { A: 1, B: 1, C: 1, D: 1 },
        exclusions: { recentInspection: { itemId: "I", asOf: "2023-06-30", withinDays: 30 } }, entropySource: { kind: "dice", description: "d" } });
      expect(typeof r.ok).toBe("boolean");
    }
  });
});
