// `double-random lint <plan.csv|plan.xlsx>`: Node-only. Reads the file, imports it, lints it, prints a report.
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { parseArgs } from "node:util";
import {
  formatDiagnosticsJson, formatDiagnosticsSarif, formatDiagnosticsText, type Issue, lintPlanTable,
} from "../index.js";
import { readXlsxRows } from "./io.js";

export const USAGE = `double-random lint <plan.csv|plan.xlsx> --year 2023 [--format text|json|sarif] [--lang zh|en] [--fill-merged]
                   [--issuer 单位] [--completion-date YYYY-MM-DD] [--sheet 名称]

检查年度抽查计划表，有错误时退出码为1。 / Lints an annual inspection plan table; exits with 1 when there are errors.
`;

export async function runLint(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        year: { type: "string" },
        format: { type: "string", default: "text" },
        lang: { type: "string", default: "zh" },
        "fill-merged": { type: "boolean", default: false },
        issuer: { type: "string" },
        "completion-date": { type: "string" },
        sheet: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const file = positionals[0];
  const year = Number(values.year);
  const format = values.format;
  const lang = values.lang === "en" ? "en" : "zh";
  if (file === undefined || !Number.isInteger(year) || !["text", "json", "sarif"].includes(format ?? "")) {
    process.stderr.write(`${file === undefined ? "缺少文件 / missing file\n" : ""}${!Number.isInteger(year) ? "缺少或无效的 --year / missing or invalid --year\n" : ""}${USAGE}`);
    return 2;
  }
  let input: string | string[][];
  let sheet: string | undefined;
  try {
    const data = await readFile(file);
    if ([".xlsx", ".xlsm"].includes(extname(file).toLowerCase())) {
      const x = await readXlsxRows(data, values.sheet);
      if ("error" in x) {
        process.stderr.write(`无法读取 / cannot read ${file}: ${x.error}\n`);
        return 2;
      }
      input = x.rows;
      sheet = x.sheet;
    } else {
      input = data.toString("utf8");
    }
  } catch (e) {
    process.stderr.write(`无法读取 / cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const linted = lintPlanTable(input, {
    year,
    fillMerged: values["fill-merged"],
    ...(values.issuer === undefined ? {} : { issuer: values.issuer }),
    ...(values["completion-date"] === undefined ? {} : { completionDate: values["completion-date"] }),
    ...(sheet === undefined ? {} : { sheet }),
  });
  const report: readonly Issue[] = linted.ok ? linted.value.diagnostics : linted.issues;
  const title = basename(file);
  const out =
    format === "json" ? formatDiagnosticsJson(report, { file })
    : format === "sarif" ? formatDiagnosticsSarif(report, { file, lang })
    : formatDiagnosticsText(report, { lang, title, ...(linted.ok ? { plan: linted.value.plan } : {}) });
  process.stdout.write(out);
  return report.some((i) => i.severity === "error") ? 1 : 0;
}
