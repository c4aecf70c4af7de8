import { parseWindow } from "../calendar/parseWindow.js";
import type { InspectionWindow } from "../calendar/window.js";
import type { Task } from "../model/plan.js";
import type { Quota } from "../model/quota.js";
import { parseQuota } from "../quota/parseQuota.js";
import type { Result } from "../result.js";

/** What the importer read from one task's quota and window cells. */
export interface TaskReadings {
  readonly quota: Result<Quota>;
  readonly window: Result<InspectionWindow>;
}

/**
 * The importer's readings of a plan's tasks, handed to the lint with the plan (`lintPlanTable`) so that no cell is
 * read twice; `year` is the year the windows were read for.
 */
export interface PlanReadings {
  readonly year: number;
  readonly byTask: ReadonlyMap<Task, TaskReadings>;
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
