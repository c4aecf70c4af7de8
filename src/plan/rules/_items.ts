import type { CheckItem } from "../../model/item.js";
import type { Task } from "../../model/plan.js";

const norm = (s: string) => s.normalize("NFKC").replace(/[\s，,。；;、]+/g, "");

/** Whether a task refers to a check item: by id, or one name contains the other. */
export function refersTo(task: Task, item: CheckItem): boolean {
  const name = norm(item.name);
  for (const text of task.items) {
    const t = norm(text);
    if (t === "") continue;
    if (t === norm(item.id) || t.includes(name) || (t.length >= 4 && name.includes(t))) return true;
  }
  return norm(task.name).includes(name);
}
