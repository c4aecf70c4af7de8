import type { Task } from "../model/plan.js";
import type { PlanField } from "./_columns.js";

/** How a task's cell got its text when the table did not write it on the task's own row. */
export interface FilledCell {
  /** The row whose text the cell carries. */
  readonly from: number;
  /** `merge`: the file says the cells are merged (XLSX/DOCX); `fill`: filled down on request (`fillMerged`). */
  readonly how: "merge" | "fill";
}

// Keyed by the task object; the plan model itself stays as the schema defines it.
const byTask = new WeakMap<Task, Map<PlanField, FilledCell>>();

/** Records that a task's cell came from another row. */
export function rememberFilled(task: Task, filled: Map<PlanField, FilledCell>): void {
  if (filled.size > 0) byTask.set(task, filled);
}

/** Where a task's cell came from, when it was not written on the task's own row. */
export function filledFrom(task: Task, field: PlanField): FilledCell | undefined {
  return byTask.get(task)?.get(field);
}
