import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { capIssues, capIssuesPerCell, cellIssues, MAX_ISSUES_PER_CELL, pushCapped } from "../../src/_internal/capIssues.js";
import { createIssue, parseTierPolicy, type Issue } from "../../src/index.js";

const warn = (row: number, field: string): Issue => createIssue("quota_zero", {}, { row, field });
const err = (row: number, field: string): Issue => createIssue("quota_empty", {}, { row, field });

describe("capIssues", () => {
  it("leaves a short list alone", () => {
    const list = [warn(1, "a"), warn(1, "a")];
    expect(capIssues(list, createIssue)).toBe(list);
  });

  it("keeps the first ten and counts the rest with their worst severity", () => {
    const list = [...Array.from({ length: 12 }, () => warn(1, "a")), err(1, "a"), warn(1, "a")];
    const out = capIssues(list, createIssue, { row: 1 });
    expect(out.slice(0, MAX_ISSUES_PER_CELL)).toEqual(list.slice(0, MAX_ISSUES_PER_CELL));
    expect(out).toHaveLength(MAX_ISSUES_PER_CELL + 1);
    expect(out[MAX_ISSUES_PER_CELL]).toMatchObject({ code: "issues_capped", severity: "error", row: 1, params: { count: 4, shown: 10 } });
  });

  it("parseTierPolicy of a hostile cell fails with ten issues and the count of the rest", () => {
    const r = parseTierPolicy("X类5%，".repeat(5_000));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(11);
      expect(r.issues[10]).toMatchObject({ code: "issues_capped", params: { count: 4_990 } });
    }
  });
});

describe("cellIssues", () => {
  it("gives what capIssues gives on the whole list, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("w", "e", "i"), { maxLength: 40 }), fc.integer({ min: 0, max: 12 }), (kinds, max) => {
        const list = kinds.map((k, n) => createIssue(k === "e" ? "quota_empty" : "quota_zero", {}, { row: n, ...(k === "i" ? { severity: "info" as const } : {}) }));
        const cell = cellIssues(createIssue, { row: 7 }, max);
        list.forEach((x, n) => (n % 2 === 0 ? cell.push(x) : cell.add(x.severity, () => x)));
        expect(cell.count).toBe(list.length);
        expect(cell.done()).toEqual(capIssues(list, createIssue, { row: 7 }, max));
      }),
    );
  });

  it("builds only the issues it keeps", () => {
    const cell = cellIssues(createIssue);
    let built = 0;
    for (let k = 0; k < 100; k++) cell.add("warning", () => (built++, warn(1, "a")));
    expect(built).toBe(MAX_ISSUES_PER_CELL);
    expect(cell.done()[MAX_ISSUES_PER_CELL]).toMatchObject({ code: "issues_capped", severity: "warning", params: { count: 90 } });
  });
});

describe("pushCapped", () => {
  it("gives capIssues the same list to cap as the issues themselves would, building only the kept ones", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("w", "e", "i"), { maxLength: 40 }), (kinds) => {
        const list = kinds.map((k, n) => createIssue(k === "e" ? "quota_empty" : "quota_zero", {}, { row: n, ...(k === "i" ? { severity: "info" as const } : {}) }));
        const pushed: Issue[] = [];
        let built = 0;
        for (const x of list) pushCapped(pushed, x.severity, () => (built++, x));
        expect(built).toBe(Math.min(list.length, MAX_ISSUES_PER_CELL));
        expect(capIssues(pushed, createIssue, { row: 1 })).toEqual(capIssues(list, createIssue, { row: 1 }));
      }),
    );
  });
});

describe("capIssuesPerCell", () => {
  it("caps each cell (row and field) on its own and keeps the order of the first ones", () => {
    const list = [...Array.from({ length: 15 }, () => warn(2, "a")), warn(2, "b"), ...Array.from({ length: 11 }, () => warn(3, "a"))];
    const out = capIssuesPerCell(list, createIssue);
    expect(out.filter((i) => i.code === "quota_zero" && i.row === 2 && i.field === "a")).toHaveLength(10);
    expect(out.filter((i) => i.field === "b")).toHaveLength(1);
    expect(out.filter((i) => i.code === "issues_capped").map((i) => [i.row, i.field, i.params?.count])).toEqual([[2, "a", 5], [3, "a", 1]]);
  });

  it("groups issues without a field by record and field of their path", () => {
    const at = (k: number) => ({ ...warn(1, "x"), field: undefined, path: [0, "conflicts", k, "entityId"] }) as Issue;
    const out = capIssuesPerCell(Array.from({ length: 30 }, (_, k) => at(k)), createIssue);
    expect(out).toHaveLength(11);
    expect(out[10]).toMatchObject({ code: "issues_capped", path: [0, "conflicts"], params: { count: 20 } });
  });
});
