// Table reader benchmark: a 100k-row entity pool as XLSX (written by exceljs, with a date column) and as CSV,
// read by readTable and, as the same-run baseline, by exceljs (today's XLSX path) and by TextDecoder + papaparse
// (today's CSV path). Each read runs in its own child process so that its peak memory (max RSS) is its own;
// reported as ratios to the baseline (this machine has 2 noisy cores).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROWS = Number(process.env.FILES_BENCH_ROWS ?? 100_000);
const REPS = 3;
const HEADER = ["统一社会信用代码", "名称", "类型", "行政区划代码", "行业", "信用风险分类", "登记状态", "标签", "上次检查日期", "经营场所"];

/** Deterministic pool rows shaped like a registry export (dates as Date for the workbook). */
function poolRows(n: number): (string | number | Date | null)[][] {
  let x = 20_231_201;
  const next = (m: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x % m;
  };
  const rows: (string | number | Date | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const last = next(4) === 0 ? new Date(Date.UTC(2022, next(12), 1 + next(28))) : null;
    rows.push([`91410802MA${String(i).padStart(7, "0")}X`, `焦作市解放区星光KTV有限公司${i}`, next(3) ? "企业" : "个体工商户", 410802 + next(10), "娱乐业", "ABCD"[next(4)] as string, next(40) ? "存续" : "注销", "娱乐场所", last, `解放区星光路${next(300)}号`]);
  }
  return rows;
}

async function child(kind: string, file: string): Promise<void> {
  // Modules are loaded before the clock starts: the reading is measured, not the loading.
  const { readTable } = await import("../src/files/index.js");
  const { default: ExcelJS } = await import("exceljs");
  const { readCsv } = await import("../src/_internal/csv.js");
  const bytes = new Uint8Array(readFileSync(file));
  const t0 = performance.now();
  let rows = 0;
  if (kind === "ours") {
    const r = readTable(bytes, { name: file });
    rows = r.ok ? r.value.rows.length : -1;
  } else if (kind === "exceljs") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    wb.worksheets[0]?.eachRow({ includeEmpty: true }, (row) => {
      rows++;
      row.eachCell({ includeEmpty: true }, (c) => void c.text);
    });
  } else if (kind === "papaparse") {
    rows = readCsv(new TextDecoder("utf-8").decode(bytes)).rows.length;
  }
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

interface Run { ms: number; rows: number; maxRssMb: number }

function measure(kind: string, file: string): Run {
  const runs: Run[] = [];
  for (let i = 0; i < REPS; i++) {
    const out = execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", kind, file], { encoding: "utf8", maxBuffer: 1 << 20 });
    runs.push(JSON.parse(out.trim().split("\n").pop() as string) as Run);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return { ms: median(runs.map((r) => r.ms)), rows: runs[0]?.rows ?? 0, maxRssMb: median(runs.map((r) => r.maxRssMb)) };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "files-bench-"));
  try {
    const rows = poolRows(ROWS);
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名录库");
    ws.addRow(HEADER);
    ws.addRows(rows);
    ws.getColumn(9).numFmt = "yyyy-mm-dd";
    const xlsx = join(dir, "pool.xlsx");
    await wb.xlsx.writeFile(xlsx);
    const csv = join(dir, "pool.csv");
    const cell = (v: string | number | Date | null) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? "" : String(v));
    writeFileSync(csv, `${[HEADER, ...rows].map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`);

    const table = [
      ["XLSX", "ours", xlsx, "exceljs"],
      ["CSV (UTF-8)", "ours", csv, "papaparse"],
    ] as const;
    const out = table.map(([format, ours, file, baseline]) => {
      const a = measure(ours, file);
      const b = measure(baseline, file);
      return {
        [`${ROWS} rows`]: format,
        "readTable ms": a.ms.toFixed(0),
        "readTable max RSS MB": a.maxRssMb.toFixed(0),
        baseline,
        "baseline ms": b.ms.toFixed(0),
        "baseline max RSS MB": b.maxRssMb.toFixed(0),
        "time ratio": (a.ms / b.ms).toFixed(2),
        "memory ratio": (a.maxRssMb / b.maxRssMb).toFixed(2),
        rows: `${a.rows}/${b.rows}`,
      };
    });
    console.table(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const i = process.argv.indexOf("--child");
if (i >= 0) await child(process.argv[i + 1] as string, process.argv[i + 2] as string);
