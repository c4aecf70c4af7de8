// `double-random simulate <plan> --inspectors … --pool …`: simulates the plan's year many times (seedrandom, never
// the draw's stream) and prints loads, staffing, repeats and the sim-* lint findings; --chart writes the SVG.
import { SingleBar } from "cli-progress";
import {
  createIssue, importPlanTable, type Issue, lintPlan, type MatchRules, type Plan, type TargetFilter, type TierPolicy,
} from "../../index.js";
import { type DepartmentMonthLoad, renderLoadChart, simulatePlan, type SimulationReport } from "../../simulate/index.js";
import { contextOf, parse } from "../args.js";
import { loadEntities, loadInspectors, loadTable, readJson } from "../io.js";
import { EXIT, failWith, printIssues, writeFileAtomic, writeJson } from "../output.js";

export const HELP = `double-random simulate <计划.xlsx|plan.csv|plan.docx> --inspectors 执法人员.csv --pool 名录库.csv
        [--experts 专家.csv] [--sheet 工作表] [--runs 10000] [--seed 种子] [--year 2023] [--monthly-cap 20|caps.json] [--scopes scopes.json] [--rules rules.json]
        [--chart load.svg [--chart-top 6]] [--format text|json] [--fill-merged] [--progress]
  在年初模拟全年计划（seedrandom 快速随机流，不用于正式抽取）：人员每月工作量、超上限概率、联合任务配不齐人员的概率、
  多头/重复检查；--chart 输出各部门每月工作量图（SVG）。--scopes / --rules / --policies 为按任务编号给出的抽查范围、
  选派规则与分类抽查策略（JSON）；--experts 为专家库（规则中 experts 大于0的任务选派专家）；--monthly-cap 为每人每月上限（一个数，或按执法证号的 JSON；缺省用人员的工作量上限）。
  Simulate the plan's year before it starts (a fast seedrandom stream, never the draw's): monthly loads, P(over cap),
  joint tasks short of qualified members, repeated inspections; --chart writes an SVG of monthly loads per department.
  The plan, roster, experts and pool are read by the shared table reader: .xlsx/.et (merged cells), CSV in UTF-8 or
  GBK/GB18030, .docx tables.`;

const DEFAULT_SEED = "double-random-simulate";

/** East Asian characters take two columns in a terminal. */
const widthOf = (s: string) => [...s].reduce((w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);
function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, j) => Math.max(...rows.map((r) => widthOf(r[j] ?? ""))));
  return rows.map((r) => r.map((c, j) => c + " ".repeat((widths[j] ?? 0) - widthOf(c))).join("  ").trimEnd()).join("\n");
}
const pct = (p: number) => `${(p * 100).toFixed(p < 0.1 && p > 0 ? 1 : 0)}%`;
const pm = (mean: number, se: number, digits = 2) => `${mean.toFixed(digits)}±${(2 * se).toFixed(digits)}`;

/** The plan year most often written in the file ("2023年"), when --year is not given. */
function yearIn(text: string): number | undefined {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(20\d\d)\s*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

function textReport(report: SimulationReport, plan: Plan, diagnostics: readonly Issue[], lang: "zh" | "en"): string {
  const zh = lang === "zh";
  const out: string[] = [];
  out.push(zh
    ? `计划模拟：${report.year}年，${report.runs}次，种子“${report.seed}”，随机流 ${report.generator}（仅用于模拟；正式抽取用可复核的 SHA-256 流）`
    : `Plan simulation: ${report.year}, ${report.runs} runs, seed "${report.seed}", stream ${report.generator} (simulation only; the draw uses the re-checkable SHA-256 stream)`);
  out.push(zh ? `参与模拟的任务：${report.tasks.length}/${plan.tasks.length}` : `Tasks simulated: ${report.tasks.length}/${plan.tasks.length}`);
  out.push("");
  out.push(zh
    ? "各部门每月工作量：每个部门的最忙月份，以及超上限概率不低于5%的月份（最忙人员的中位数与95%分位；人均为模拟值±2倍标准误 / 精确期望；全部月份见 --format json 或 --chart）"
    : "Monthly load per department: each department's busiest month and the months with P(over cap) ≥ 5% (busiest member's median and 95th percentile; mean per member simulated ±2 se / exact; every month in --format json or --chart)");
  const peakOf = new Map<string, DepartmentMonthLoad>();
  for (const d of report.departments) {
    const best = peakOf.get(d.department);
    if (!best || d.meanLoad.mean > best.meanLoad.mean) peakOf.set(d.department, d);
  }
  const dep = report.departments.filter((d) => (peakOf.get(d.department) === d && d.meanLoad.mean > 0) || (d.anyOverCap?.mean ?? 0) >= 0.05);
  const rows = [zh ? ["部门", "月", "人数", "中位数", "95%分位", "人均", "精确", "上限", "P(超上限)"] : ["department", "month", "people", "median", "p95", "mean", "exact", "cap", "P(over cap)"]];
  for (const d of dep) {
    const at = (p: number) => String(d.busiest.find((x) => x.p === p)?.value ?? "—");
    rows.push([d.department, String(d.month), String(d.inspectors), at(0.5), at(0.95), pm(d.meanLoad.mean, d.meanLoad.se, 2), d.expectedMeanLoad.toFixed(2), d.cap === undefined ? "—" : String(d.cap), d.anyOverCap ? pct(d.anyOverCap.mean) : "—"]);
  }
  out.push(table(rows));
  const short = report.windows.filter((w) => w.infeasible.mean > 0);
  out.push("");
  out.push(zh
    ? `配不齐人员的批次（${short.length}；已按选派程序的调整步骤补位后仍配不齐）`
    : `Batches that cannot always be staffed (${short.length}; still short after the matching's repair step)`);
  if (short.length > 0) {
    const r = [zh ? ["任务", "批次", "时间", "部门", "P(配不齐)", "短缺部门"] : ["task", "batch", "dates", "departments", "P(infeasible)", "short"]];
    for (const w of short) {
      const who = w.short.map((s) => `${s.department} ${pct(s.probability)}`);
      if (w.expertsShort > 0) who.push(`${zh ? "专家" : "experts"} ${pct(w.expertsShort)}`);
      r.push([w.taskName, String(w.batch), `${w.start}—${w.end}`, w.departments.join("、"), pct(w.infeasible.mean), who.join("、")]);
    }
    out.push(table(r));
  }
  out.push("");
  const overlaps = report.overlaps.filter((o) => o.both.exact > 0).slice(0, 10);
  out.push(zh ? "范围重叠的任务（每年被两项任务都检查的对象数，精确期望 / 模拟±2倍标准误）" : "Overlapping tasks (entities inspected by both in the year, exact / simulated ±2 se)");
  if (overlaps.length > 0) {
    const r = [zh ? ["任务", "任务", "共同对象", "精确", "模拟", "同一季度"] : ["task", "task", "shared", "exact", "simulated", "same quarter"]];
    for (const o of overlaps) r.push([o.taskNames[0], o.taskNames[1], String(o.shared), o.both.exact.toFixed(2), pm(o.both.simulated.mean, o.both.simulated.se), o.sameQuarter ? (zh ? "是" : "yes") : (zh ? "否" : "no")]);
    out.push(table(r));
  }
  out.push("");
  out.push(zh ? "按信用风险分类：每户每年检查次数、被两项以上任务检查的比例" : "By credit-risk tier: inspections per entity per year, share inspected by two or more tasks");
  const r = [zh ? ["分类", "户数", "次数（精确）", "次数（模拟）", "重复（精确）", "重复（模拟）", "P(有对象被查≥3次)"] : ["tier", "entities", "per year (exact)", "simulated", "repeated (exact)", "simulated", "P(any ≥3 times)"]];
  for (const g of report.groups.filter((x) => x.dimension === "tier")) {
    r.push([g.value || "—", String(g.entities), g.inspections.exact.toFixed(4), pm(g.inspections.simulated.mean, g.inspections.simulated.se, 4), pct(g.repeatedAcrossTasks.exact), pct(g.repeatedAcrossTasks.simulated.mean), pct(g.anyThreeTimes.mean)]);
  }
  out.push(table(r));
  out.push("");
  out.push(zh ? `模拟检查发现（${diagnostics.length}）` : `Findings (${diagnostics.length})`);
  for (const d of diagnostics) out.push(`! ${d.row !== undefined ? (zh ? `第${d.row}行 ` : `row ${d.row} `) : ""}[${d.code}] ${d.message[lang]}`);
  return `${out.join("\n")}\n`;
}

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, {
    inspectors: { type: "string" }, experts: { type: "string" }, pool: { type: "string" }, runs: { type: "string" }, seed: { type: "string" },
    year: { type: "string" }, "monthly-cap": { type: "string" }, scopes: { type: "string" }, rules: { type: "string" },
    policies: { type: "string" }, chart: { type: "string" }, "chart-top": { type: "string" }, "fill-merged": { type: "boolean", default: false },
    progress: { type: "boolean", default: false }, sheet: { type: "string" },
  });
  if (!p.ok) return failWith(contextOf(argv), p.issues, EXIT.usage);
  const ctx = p.value;
  const { values, positionals, lang, json } = ctx;
  const problems: Issue[] = [];
  const file = positionals[0];
  if (!file) problems.push(createIssue("cli_missing_argument", { argument: "<计划.xlsx|plan.csv>" }));
  if (typeof values.inspectors !== "string") problems.push(createIssue("cli_missing_argument", { argument: "--inspectors" }));
  if (typeof values.pool !== "string") problems.push(createIssue("cli_missing_argument", { argument: "--pool" }));
  const integer = (flag: string, fallback: number | undefined, min: number) => {
    const v = values[flag];
    if (v === undefined) return fallback;
    if (typeof v !== "string" || !/^\d+$/.test(v) || Number(v) < min) {
      problems.push(createIssue("cli_bad_option", { option: `--${flag}`, value: String(v), detail: { zh: `不小于${min}的整数`, en: `an integer ≥ ${min}` } }));
      return fallback;
    }
    return Number(v);
  };
  const runs = integer("runs", 10_000, 1) as number;
  const chartTop = integer("chart-top", undefined, 1);
  const capText = values["monthly-cap"];
  const monthlyCap = typeof capText === "string" && capText.toLowerCase().endsWith(".json") ? undefined : integer("monthly-cap", undefined, 0);
  let year = integer("year", undefined, 2000);
  if (problems.length > 0) return failWith(ctx, problems, EXIT.usage);

  // The plan, roster and pool through the one table reader (src/files): .xlsx/.et with merges, CSV/TSV in any
  // encoding (GBK from Excel on Chinese Windows), .docx tables; its guesses (encoding, sheet) are notes.
  const table = await loadTable(file as string, typeof values.sheet === "string" ? { sheet: values.sheet } : {});
  if (!table.ok) return failWith(ctx, table.issues, EXIT.usage);
  if (year === undefined) {
    year = yearIn(table.value.rows.map((r) => r.cells.join(" ")).join("\n"));
    if (year === undefined) return failWith(ctx, [createIssue("cli_missing_argument", { argument: "--year" })], EXIT.usage);
    process.stderr.write(lang === "zh" ? `· 计划年度取表中最常出现的年份：${year}（可用 --year 指定）\n` : `· plan year taken from the table (most frequent year): ${year} (set it with --year)\n`);
  }
  const imported = importPlanTable(table.value, { year, fillMerged: values["fill-merged"] === true });
  if (!imported.ok) return failWith(ctx, [...table.warnings, ...imported.issues], EXIT.usage);
  const inspectors = await loadInspectors(values.inspectors as string);
  if (!inspectors.ok) return failWith(ctx, inspectors.issues, EXIT.usage);
  const experts = typeof values.experts === "string" ? await loadInspectors(values.experts, { experts: true }) : undefined;
  if (experts && !experts.ok) return failWith(ctx, experts.issues, EXIT.usage);
  const entities = await loadEntities(values.pool as string, { lang });
  if (!entities.ok) return failWith(ctx, entities.issues, EXIT.usage);
  const byTask = <T>(flag: string): Record<string, T> | undefined => {
    if (typeof values[flag] !== "string") return undefined;
    const j = readJson(values[flag] as string);
    if (!j.ok) return problems.push(...j.issues), undefined;
    if (typeof j.value !== "object" || j.value === null || Array.isArray(j.value)) {
      problems.push(createIssue("cli_bad_option", { option: `--${flag}`, value: values[flag] as string, detail: { zh: "应为以任务编号为键的 JSON 对象", en: "a JSON object keyed by task id" } }));
      return undefined;
    }
    return j.value as Record<string, T>;
  };
  const scopes = byTask<TargetFilter>("scopes");
  const rules = byTask<MatchRules>("rules");
  const policies = byTask<TierPolicy>("policies");
  const capsById = monthlyCap === undefined && typeof capText === "string" ? byTask<number>("monthly-cap") : undefined;
  if (problems.length > 0) return failWith(ctx, problems, EXIT.usage);

  const show = values.progress === true || process.stderr.isTTY === true;
  const bar = show
    ? new SingleBar({ format: `${lang === "zh" ? "模拟" : "simulating"} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr, noTTYOutput: true, hideCursor: true })
    : undefined;
  bar?.start(runs, 0);
  const r = simulatePlan(imported.value, {
    entities: entities.value, inspectors: inspectors.value, ...(experts?.ok ? { experts: experts.value } : {}),
    ...(scopes ? { scopes } : {}), ...(rules ? { rules } : {}), ...(policies ? { policies } : {}),
  }, {
    runs, seed: typeof values.seed === "string" ? values.seed : DEFAULT_SEED, year,
    ...(monthlyCap === undefined ? {} : { monthlyCap }), ...(capsById ? { monthlyCap: capsById } : {}),
    ...(bar ? { onProgress: (done: number) => bar.update(done) } : {}),
  });
  bar?.stop();
  if (!r.ok) return failWith(ctx, r.issues, EXIT.usage);
  const diagnostics = lintPlan(imported.value, { year, simulation: r.value }).filter((d) => d.rule.startsWith("sim-"));
  if (typeof values.chart === "string") {
    const w = writeFileAtomic(values.chart, renderLoadChart(r.value, { lang, ...(chartTop === undefined ? {} : { limit: chartTop }) }));
    if (!w.ok) return failWith(ctx, w.issues, EXIT.usage);
  }
  const notes = [...table.warnings, ...inspectors.warnings, ...(experts?.ok ? experts.warnings : []), ...entities.warnings, ...r.warnings];
  if (json) {
    const w = writeJson({ ok: true, report: r.value, diagnostics, warnings: notes }, typeof values.out === "string" ? values.out : undefined);
    if (!w.ok) return failWith(ctx, w.issues, EXIT.usage);
  } else process.stdout.write(textReport(r.value, imported.value, diagnostics, lang));
  printIssues(notes, lang);
  return EXIT.ok;
}
