import { parseWindow } from "../calendar/parseWindow.js";
import type { InspectionWindow } from "../calendar/window.js";
import type { Task } from "../model/plan.js";
import type { Quota } from "../model/quota.js";
import { parseQuota } from "../quota/parseQuota.js";
import type { Result } from "../result.js";

/** What the importer read from a task's quota and window cells, so that the lint does not read them twice. */
interface Readings {
  readonly quotaText: string;
  readonly quota: Result<Quota>;
  readonly windowText: string;
  readonly year: number;
  readonly window: Result<InspectionWindow>;
}

// Keyed by the task object; a task whose texts were changed since is read again (see readingsOf).
const byTask = new WeakMap<Task, Readings>();

/** Remembers the importer's readings of a task. */
export function rememberReadings(task: Task, readings: Readings): void {
  byTask.set(task, readings);
}

/** The importer's readings of a task, if its texts and the year are still those that were read. */
export function readingsOf(task: Task, year: number): Readings | undefined {
  const r = byTask.get(task);
  return r && r.quotaText === task.quotaText && r.windowText === task.windowText && r.year === year ? r : undefined;
}

/**
 * parseQuota / parseWindow with a per-call cache keyed by text: plans repeat the same cells ("10%；1次/年",
 * "3月-11月") many times, and both parsers are pure.
 */
export function cachedParsers(year: number): { quota(text: string): Result<Quota>; window(text: string): Result<InspectionWindow> } {
  const quotas = new Map<string, Result<Quota>>();
  const windows = new Map<string, Result<InspectionWindow>>();
  return {
    quota(text) {
      let r = quotas.get(text);
      if (!r) (r = parseQuota(text)), quotas.set(text, r);
      return r;
    },
    window(text) {
      let r = windows.get(text);
      if (!r) (r = parseWindow(text, { year })), windows.set(text, r);
      return r;
    },
  };
}
