import { describe, expect, it } from "vitest";
import { createIssue, DoubleRandomError, fail, ok, settle, unwrap } from "../src/index.js";

describe("createIssue", () => {
  it("fills placeholders in both languages and takes the catalog's severity", () => {
    const i = createIssue("duplicate_entity_id", { id: "E1", first: 2, second: 5 }, { row: 5 });
    expect(i).toMatchObject({ code: "duplicate_entity_id", severity: "error", row: 5 });
    expect(i.message.zh).toBe("实体编号重复：“E1”出现在第2行和第5行");
    expect(i.message.en).toBe('Duplicate entity id "E1" at rows 2 and 5');
  });
  it("puts each language's text of a Message param into that language's message", () => {
    const i = createIssue("invalid_argument", { detail: { zh: "种子为空", en: "empty seed" } });
    expect(i.message).toEqual({ zh: "参数无效：种子为空", en: "Invalid argument: empty seed" });
  });
  it("lets the caller override severity", () => {
    const i = createIssue("empty_pool", {}, { severity: "error" });
    expect(i.severity).toBe("error");
  });
  it("a missing placeholder value is a type error; from plain JavaScript the placeholder stays visible", () => {
    // @ts-expect-error -- `detail` is required by the message of invalid_argument
    expect(createIssue("invalid_argument").message.en).toBe("Invalid argument: {detail}");
    // @ts-expect-error -- `second` is missing
    expect(createIssue("duplicate_entity_id", { id: "E1", first: 2 }).message.en).toBe('Duplicate entity id "E1" at rows 2 and {second}');
  });
});

describe("issue codes", () => {
  it("an unknown code is a programmer error with a coded exception, not a TypeError", () => {
    expect(() => (createIssue as (code: string) => unknown)("no_such_code")).toThrow(DoubleRandomError);
  });
});

describe("Result helpers", () => {
  it("settle fails only when an issue is an error", () => {
    expect(settle(1, [createIssue("empty_pool")])).toMatchObject({ ok: true, value: 1 });
    expect(settle(1, [createIssue("invalid_argument", { detail: "x" })]).ok).toBe(false);
  });
  it("unwrap returns the value or throws a coded error carrying every issue", () => {
    expect(unwrap(ok("v"))).toBe("v");
    const issues = [createIssue("empty_pool", {}, { severity: "error" })];
    try {
      unwrap(fail(issues));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DoubleRandomError);
      expect((e as DoubleRandomError).code).toBe("empty_pool");
      expect((e as DoubleRandomError).issues).toEqual(issues);
    }
  });
});
