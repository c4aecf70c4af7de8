import type { InspectionWindow } from "../calendar/window.js";
import type { Plan, Task } from "../model/plan.js";
import type { Quota } from "../model/quota.js";
import type { Issue, IssueCode, IssueOptions, Result } from "../result.js";
import { type PlanField, normalizeHeader, recognizeHeader } from "./_columns.js";
import { cachedParsers, type PlanReadings } from "./_readings.js";
import type { LintContext, LintPlanOptions } from "./rule.js";

const FIELD_LABEL: Readonly<Record<PlanField, string>> = {
  index: "序号", region: "地市", planName: "抽查计划名称", name: "抽查任务名称", targeting: "抽查类型",
  items: "抽查事项", scope: "抽查对象范围", quota: "抽查比例", window: "抽查时间",
  creditRequirement: "智慧监管（信用风险分类）要求", initiator: "发起部门", cooperators: "配合部门",
  mode: "抽查检查模式", responsible: "责任单位",
};

/** The text a hand-built task (no provenance) would have had in its table. */
function fromTask(task: Task, field: PlanField): string | undefined {
  switch (field) {
    case "name": return task.name;
    case "planName": return task.planName;
    case "targeting": return task.targeting === "directed" ? "定向" : "不定向";
    case "items": return task.items.join("；");
    case "scope": return task.scope;
    case "quota": return task.quotaText;
    case "window": return task.windowText;
    case "creditRequirement": return task.creditRequirement;
    case "initiator": return task.initiator;
    case "cooperators": return task.cooperators.join("、");
    case "mode": return task.mode;
    case "region": return task.region;
    case "responsible": return task.responsible;
    default: return undefined;
  }
}

/**
 * Builds the context every rule runs in; readings are computed once per task, or taken from the importer's
 * `readings` when they were read for the same year.
 */
export function createContext(plan: Plan, options: LintPlanOptions, readings?: PlanReadings): LintContext {
  const year = options.year ?? plan.year;
  const imported = readings?.year === year ? readings.byTask : undefined;
  const columnsOf = new WeakMap<Task, Map<PlanField, string>>();
  const quotas = new WeakMap<Task, Result<Quota>>();
  const windows = new WeakMap<Task, Result<InspectionWindow>>();
  const overrides = options.columns;
  const parsers = cachedParsers(year);
  const headerFields = new Map<string, PlanField | undefined>();
  const fieldOfHeader = (h: string): PlanField | undefined => {
    if (headerFields.has(h)) return headerFields.get(h);
    let f: PlanField | undefined;
    if (overrides) for (const [k, v] of Object.entries(overrides)) if (normalizeHeader(k) === normalizeHeader(h)) (f ??= v);
    f ??= recognizeHeader(h);
    headerFields.set(h, f);
    return f;
  };
  const columns = (task: Task): Map<PlanField, string> => {
    let m = columnsOf.get(task);
    if (!m) {
      m = new Map();
      for (const h of Object.keys(task.source?.cells ?? {})) {
        const f = fieldOfHeader(h);
        if (f !== undefined && !m.has(f)) m.set(f, h);
      }
      columnsOf.set(task, m);
    }
    return m;
  };
  const caps = {
    perEntityPerYear: options.caps?.perEntityPerYear ?? 1,
    itemCoverage: options.caps?.itemCoverage ?? 0.8,
    creditRiskShare: options.caps?.creditRiskShare ?? 0.95,
  };
  return {
    plan,
    year,
    options,
    caps,
    cell(task, field) {
      if (!task.source) return fromTask(task, field);
      const h = columns(task).get(field);
      return h === undefined ? undefined : (task.source.cells[h] ?? "");
    },
    where(task, field): IssueOptions {
      const h = task.source ? columns(task).get(field) : undefined;
      const out: { row?: number; field: string } = { field: h ?? FIELD_LABEL[field] };
      if (task.source) out.row = task.source.row;
      return out;
    },
    quota(task) {
      let r = quotas.get(task);
      if (!r) (r = imported?.get(task)?.quota ?? parsers.quota(task.quotaText)), quotas.set(task, r);
      return r;
    },
    window(task) {
      let r = windows.get(task);
      if (!r) (r = imported?.get(task)?.window ?? parsers.window(task.windowText)), windows.set(task, r);
      return r;
    },
    fieldOf(task, header) {
      for (const [f, h] of columns(task)) if (h === header) return f;
      return undefined;
    },
    poolSize(task) {
      const p = options.poolSizes;
      if (!p) return undefined;
      if (Object.prototype.hasOwnProperty.call(p, task.id)) return p[task.id];
      if (Object.prototype.hasOwnProperty.call(p, task.name)) return p[task.name];
      return undefined;
    },
  };
}

/**
 * The issues `parseQuota` / `parseWindow` report for every task, narrowed to `accept`, placed on the
 * task's row and column. Their codes and severities are kept: they are the parsers' findings.
 */
export function parserIssues(ctx: LintContext, kind: "quota" | "window", accept: (code: IssueCode) => boolean): Issue[] {
  const out: Issue[] = [];
  for (const task of ctx.plan.tasks) {
    const r = kind === "quota" ? ctx.quota(task) : ctx.window(task);
    const list = r.ok ? r.warnings : r.issues;
    const where = ctx.where(task, kind);
    for (const i of list) if (accept(i.code)) out.push({ ...i, ...where });
  }
  return out;
}
