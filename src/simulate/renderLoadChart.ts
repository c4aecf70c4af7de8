import type { DepartmentMonthLoad, SimulationReport } from "./types.js";

/**
 * Options of {@link renderLoadChart}.
 * @public
 */
export interface LoadChartOptions {
  /** Labels in Chinese (default) or English. */
  readonly lang?: "zh" | "en";
  /** Panels per row (default 2). */
  readonly columns?: number;
  /**
   * Only these departments, in this order (default: every department with a load, the likeliest to exceed its cap
   * first, then by peak load).
   */
  readonly departments?: readonly string[];
  /** At most this many panels (default: all). */
  readonly limit?: number;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const num = (x: number) => (Math.round(x * 10) / 10).toString();

function level(d: DepartmentMonthLoad, p: number): number {
  const exact = d.busiest.find((x) => x.p === p);
  if (exact) return exact.value;
  // The nearest level reported.
  let best = d.busiest[0];
  for (const x of d.busiest) if (best === undefined || Math.abs(x.p - p) < Math.abs(best.p - p)) best = x;
  return best?.value ?? 0;
}

/** A round axis maximum ≥ x: 1, 2, 5 × 10^k. */
function niceMax(x: number): number {
  if (x <= 0) return 1;
  const e = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * e >= x) return m * e;
  return 10 * e;
}

/**
 * Draws the monthly load of each department as an SVG chart (small multiples): per month, the median and the
 * 95th percentile of the busiest member's load (band), the mean load per member, and the monthly cap.
 *
 * @remarks Plain SVG 1.1 text with no script, style sheet or external reference: safe to inline in a page with a
 * strict CSP, to write to a file, or to turn into PNG with any renderer.
 * @param report - a {@link SimulationReport}.
 * @param options - language, columns, departments.
 * @returns the SVG document.
 * @example
 * ```ts
 * const plan = { year: 2023, issuer: "", tasks: [{ id: "T1", name: "食品抽查", items: [], scope: "", targeting: "undirected", quotaText: "10%", windowText: "2023年3月", initiator: "市场监管局", cooperators: [] }] };
 * const entities = Array.from({ length: 50 }, (_, k) => ({ id: `E${k}`, name: `企业${k}` }));
 * const inspectors = [{ id: "A", name: "甲", department: "市场监管局" }, { id: "B", name: "乙", department: "市场监管局" }];
 * const r = simulatePlan(plan, { entities, inspectors }, { runs: 10, seed: "s" });
 * r.ok && renderLoadChart(r.value).startsWith("<svg")
 * //=> true
 * ```
 * @public
 */
export function renderLoadChart(report: SimulationReport, options: LoadChartOptions = {}): string {
  const zh = options.lang !== "en";
  const byDept = new Map<string, DepartmentMonthLoad[]>();
  for (const d of report.departments) {
    let list = byDept.get(d.department);
    if (!list) byDept.set(d.department, (list = []));
    list.push(d);
  }
  const peak = (name: string) => (byDept.get(name) ?? []).reduce((m, d) => Math.max(m, level(d, 0.95)), 0);
  const risk = (name: string) => (byDept.get(name) ?? []).reduce((m, d) => Math.max(m, d.anyOverCap?.mean ?? 0), 0);
  const names = (options.departments
    ? options.departments.filter((n) => byDept.has(n))
    : [...byDept.keys()].filter((n) => peak(n) > 0).sort((a, b) => risk(b) - risk(a) || peak(b) - peak(a) || (a < b ? -1 : 1))
  ).slice(0, options.limit ?? Number.POSITIVE_INFINITY);
  const cols = Math.max(1, Math.min(options.columns ?? 2, names.length || 1));
  const rows = Math.max(1, Math.ceil(names.length / cols));
  const W = 380;
  const H = 210;
  const top = 64;
  const width = cols * W + 20;
  const height = top + rows * H + 16;
  const font = `font-family="Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"`;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${font} font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  const title = zh
    ? `${report.year}年各部门每月检查工作量（${thousands(report.runs)}次模拟，种子“${report.seed}”）`
    : `Monthly inspection load per department, ${report.year} (${thousands(report.runs)} simulated years, seed "${report.seed}")`;
  out.push(`<text x="16" y="24" font-size="15" font-weight="bold" fill="#222">${esc(title)}</text>`);
  const legend: [string, string][] = zh
    ? [["band", "最忙人员：中位数—95%分位"], ["p50", "最忙人员中位数"], ["mean", "人均工作量"], ["cap", "每月上限"]]
    : [["band", "busiest member: median–95th percentile"], ["p50", "busiest member, median"], ["mean", "mean per member"], ["cap", "monthly cap"]];
  let lx = 16;
  for (const [kind, label] of legend) {
    const y = 44;
    if (kind === "band") out.push(`<rect x="${lx}" y="${y - 9}" width="22" height="10" fill="#9ecae1" fill-opacity="0.6"/>`);
    if (kind === "p50") out.push(`<line x1="${lx}" y1="${y - 4}" x2="${lx + 22}" y2="${y - 4}" stroke="#08519c" stroke-width="2"/>`);
    if (kind === "mean") out.push(`<line x1="${lx}" y1="${y - 4}" x2="${lx + 22}" y2="${y - 4}" stroke="#636363" stroke-width="1.5" stroke-dasharray="2 2"/>`);
    if (kind === "cap") out.push(`<line x1="${lx}" y1="${y - 4}" x2="${lx + 22}" y2="${y - 4}" stroke="#d62728" stroke-width="1.5" stroke-dasharray="6 3"/>`);
    out.push(`<text x="${lx + 28}" y="${y}" fill="#333">${esc(label)}</text>`);
    lx += 40 + label.length * (zh ? 12 : 6.5);
  }
  names.forEach((name, k) => {
    const months = (byDept.get(name) ?? []).slice().sort((a, b) => a.month - b.month);
    const ox = 10 + (k % cols) * W;
    const oy = top + Math.floor(k / cols) * H;
    const px = 44;
    const pw = W - px - 20;
    const ph = H - 62;
    const py = oy + 28;
    const cap = months.find((d) => d.cap !== undefined)?.cap;
    const ymax = niceMax(Math.max(peak(name), cap ?? 0) * 1.08);
    const x = (m: number) => ox + px + ((m - 1) / 11) * pw;
    const y = (v: number) => py + ph - (Math.min(v, ymax) / ymax) * ph;
    const over = months.reduce((m, d) => Math.max(m, d.anyOverCap?.mean ?? 0), 0);
    const head = `${name}（${months[0]?.inspectors ?? 0}${zh ? "人" : " people"}）`;
    out.push(`<text x="${ox + px}" y="${oy + 16}" font-size="13" font-weight="bold" fill="${over >= 0.5 ? "#b2182b" : "#222"}">${esc(zh ? head : `${name} (${months[0]?.inspectors ?? 0} people)`)}${over > 0 ? esc(zh ? `  超上限概率最高${Math.round(over * 100)}%` : `  up to ${Math.round(over * 100)}% over cap`) : ""}</text>`);
    out.push(`<rect x="${ox + px}" y="${py}" width="${pw}" height="${ph}" fill="none" stroke="#bbb"/>`);
    // Five steps, or four when the maximum starts with a 2, so the ticks are round numbers.
    const steps = String(ymax).startsWith("2") ? 4 : 5;
    for (let i = 0; i <= steps; i++) {
      const v = (ymax * i) / steps;
      out.push(`<line x1="${ox + px}" y1="${num(y(v))}" x2="${ox + px + pw}" y2="${num(y(v))}" stroke="#eee"/>`);
      out.push(`<text x="${ox + px - 6}" y="${num(y(v) + 4)}" text-anchor="end" fill="#555">${num(v)}</text>`);
    }
    for (let m = 1; m <= 12; m++) out.push(`<text x="${num(x(m))}" y="${py + ph + 15}" text-anchor="middle" fill="#555">${zh ? `${m}月` : m}</text>`);
    if (months.length > 0) {
      const upper = months.map((d) => `${num(x(d.month))},${num(y(level(d, 0.95)))}`);
      const lower = months.slice().reverse().map((d) => `${num(x(d.month))},${num(y(level(d, 0.5)))}`);
      out.push(`<polygon points="${[...upper, ...lower].join(" ")}" fill="#9ecae1" fill-opacity="0.6"/>`);
      out.push(`<polyline points="${months.map((d) => `${num(x(d.month))},${num(y(level(d, 0.5)))}`).join(" ")}" fill="none" stroke="#08519c" stroke-width="2"/>`);
      out.push(`<polyline points="${months.map((d) => `${num(x(d.month))},${num(y(d.meanLoad.mean))}`).join(" ")}" fill="none" stroke="#636363" stroke-width="1.5" stroke-dasharray="2 2"/>`);
    }
    if (cap !== undefined) {
      out.push(`<line x1="${ox + px}" y1="${num(y(cap))}" x2="${ox + px + pw}" y2="${num(y(cap))}" stroke="#d62728" stroke-width="1.5" stroke-dasharray="6 3"/>`);
      out.push(`<text x="${ox + px + pw - 2}" y="${num(y(cap) - 4)}" text-anchor="end" fill="#d62728">${esc(zh ? `上限${cap}` : `cap ${cap}`)}</text>`);
    }
    out.push(`<text x="${ox + 12}" y="${num(py + ph / 2)}" transform="rotate(-90 ${ox + 12} ${num(py + ph / 2)})" text-anchor="middle" fill="#555">${zh ? "户/月" : "targets/month"}</text>`);
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
