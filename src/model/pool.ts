import { capIssuesPerCell } from "../_internal/capIssues.js";
import { type Issue, type Result, settle } from "../result.js";
import { type Entity, parseEntity } from "./entity.js";
import { type Inspector, parseInspector } from "./inspector.js";
import { issue } from "./_issue.js";

/**
 * Options of {@link parseEntityPool} and {@link parseInspectorPool}.
 * @public
 */
export interface PoolOptions {
  /** Row number of the first element, for messages (e.g. 2 when row 1 of a CSV is its header). Default 1. */
  readonly firstRow?: number;
  /** Row number of each element, when they are not consecutive (a table with blank rows); wins over `firstRow`. */
  readonly rowNumbers?: readonly number[];
  /** Called every 10,000 rows and at the end with (rows done, rows in all), for progress bars on big pools. */
  readonly onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 10_000;

function parsePool<T extends { id: string }>(
  rows: unknown,
  parseOne: (row: unknown) => Result<T>,
  duplicateCode: "duplicate_entity_id" | "duplicate_inspector_id",
  options: PoolOptions,
): Result<T[]> {
  if (!Array.isArray(rows)) {
    return { ok: false, issues: [issue("invalid_type", { path: "(root)", expected: "array", received: typeof rows })] };
  }
  const first = options.firstRow ?? 1;
  const rowOf = (index: number) => options.rowNumbers?.[index] ?? first + index;
  const issues: Issue[] = [];
  const out: T[] = [];
  const seen = new Map<string, number>();
  const at = (i: Issue, index: number): Issue => ({ ...i, row: rowOf(index), path: [index, ...(i.path ?? [])] });
  rows.forEach((raw, index) => {
    const row = rowOf(index);
    // Duplicates are found on the raw id, so a broken row still names its twin.
    const id = typeof raw === "object" && raw !== null ? (raw as { id?: unknown }).id : undefined;
    if (typeof id === "string") {
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        // Never silently dropped: the draw's canonical order depends on unique ids.
        issues.push(issue(duplicateCode, { id, first: earlier, second: row }, { row, path: [index, "id"] }));
      } else seen.set(id, row);
    }
    const r = parseOne(raw);
    if (!r.ok) {
      for (const i of capIssuesPerCell(r.issues.map((i) => at(i, index)), issue)) issues.push(i);
      return;
    }
    for (const i of capIssuesPerCell(r.warnings.map((i) => at(i, index)), issue)) issues.push(i);
    out.push(r.value);
    if (options.onProgress && (index + 1) % PROGRESS_EVERY === 0) options.onProgress(index + 1, rows.length);
  });
  options.onProgress?.(rows.length, rows.length);
  if (rows.length === 0) issues.push(issue("empty_pool"));
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
