import { createIssue, type Issue, type Result, settle } from "../result.js";
import { type Entity, parseEntity } from "./entity.js";
import { type Inspector, parseInspector } from "./inspector.js";

/**
 * Options of {@link parseEntityPool} and {@link parseInspectorPool}.
 * @public
 */
export interface PoolOptions {
  /** Row number of the first element, for messages (e.g. 2 when row 1 of a CSV is its header). Default 1. */
  readonly firstRow?: number;
}

function parsePool<T extends { id: string }>(
  rows: unknown,
  parseOne: (row: unknown, options: { path: (string | number)[] }) => Result<T>,
  duplicateCode: "duplicate_entity_id" | "duplicate_inspector_id",
  options: PoolOptions,
): Result<T[]> {
  if (!Array.isArray(rows)) {
    return { ok: false, issues: [createIssue("invalid_type", { path: "(root)", expected: "array", received: typeof rows })] };
  }
  const first = options.firstRow ?? 1;
  const issues: Issue[] = [];
  const out: T[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const row = first + index;
    const r = parseOne(raw, { path: [index] });
    if (!r.ok) {
      issues.push(...r.issues.map((i) => ({ ...i, row })));
      return;
    }
    issues.push(...r.warnings.map((i) => ({ ...i, row })));
    const earlier = seen.get(r.value.id);
    if (earlier !== undefined) {
      // A duplicate is never silently dropped: the draw's canonical order depends on unique ids.
      issues.push(createIssue(duplicateCode, { id: r.value.id, first: earlier, second: row }, { row, path: [index, "id"] }));
      return;
    }
    seen.set(r.value.id, row);
    out.push(r.value);
  });
  if (rows.length === 0) issues.push(createIssue("empty_pool"));
  return settle(out, issues);
}

/**
 * Validates an entity pool (检查对象名录库): every row, and uniqueness of ids.
 *
 * @returns all entities, or every issue found, each with its `row`: entity issues, `duplicate_entity_id`
 * (naming both rows); warning `empty_pool`.
 * @example
 * ```ts
 * const r = parseEntityPool([{ id: "E1", name: "甲" }, { id: "E1", name: "乙" }]);
 * r.ok ? null : r.issues[0].message.zh
 * //=> "实体编号重复：“E1”出现在第1行和第2行"
 * ```
 * @public
 */
export function parseEntityPool(rows: unknown, options: PoolOptions = {}): Result<Entity[]> {
  return parsePool(rows, parseEntity, "duplicate_entity_id", options);
}

/**
 * Validates an inspector pool (执法检查人员名录库): every row, and uniqueness of ids.
 *
 * @returns all inspectors, or every issue found with its `row`.
 * @example
 * ```ts
 * parseInspectorPool([{ id: "P1", name: "张三", department: "市场监管局" }]).ok
 * //=> true
 * ```
 * @public
 */
export function parseInspectorPool(rows: unknown, options: PoolOptions = {}): Result<Inspector[]> {
  return parsePool(rows, parseInspector, "duplicate_inspector_id", options);
}
