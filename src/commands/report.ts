// `kbfix report <inputs..>`: the fleet roll-up of result files and Intune exports. Exit 0 when
// every input was read, 1 when some input had a problem (or no run was found at all), 2 for
// a usage error.
import { writeFileSync } from "node:fs";
import { renderHtml } from "../report/render-html.js";
import { renderJson } from "../report/render-json.js";
import { renderText } from "../report/render-text.js";
import { fsReason } from "../report/read-bounded.js";
import { rollUp } from "../report/roll-up.js";
import type { OutputFormat } from "./output.js";

export interface ReportOptions {
  inputs: string[];
  format: OutputFormat;
  html?: string;
  top: number;
  maxMachines: number;
  maxFileMb: number;
}

function usageProblem(options: ReportOptions): string {
  if (!options.inputs.length) return "name at least one result folder, result file or CSV export";
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  if (!whole(options.top)) return "--top takes a whole number";
  if (!whole(options.maxMachines)) return "--max-machines takes a whole number";
  if (!(options.maxFileMb > 0)) return "--max-file-mb takes a number above 0";
  if (options.html === "") return "--html needs a file name";
  return "";
}

export function reportCommand(options: ReportOptions): number {
  const usage = usageProblem(options);
  if (usage) {
    process.stderr.write(`kbfix report: ${usage}\nRun 'kbfix report --help' for usage.\n`);
    return 2;
  }
  const report = rollUp(options.inputs, {
    maxFileBytes: Math.floor(options.maxFileMb * 1024 * 1024),
    top: options.top,
  });
  const lists = { maxMachines: options.maxMachines };
  process.stdout.write(options.format === "json" ? renderJson(report) : renderText(report, lists));
  if (options.html !== undefined) {
    try {
      writeFileSync(options.html, renderHtml(report, lists));
      process.stderr.write(`kbfix report: wrote ${options.html}\n`);
    } catch (error) {
      process.stderr.write(`kbfix report: cannot write ${options.html}: ${fsReason(error)}\n`);
      return 1;
    }
  }
  if (report.inputs.problems > 0)
    process.stderr.write(
      `kbfix report: ${report.inputs.problems} input problem(s); see "input problems"\n`,
    );
  if (report.inputs.runs === 0) process.stderr.write("kbfix report: no runs found in the inputs\n");
  return report.inputs.problems > 0 || report.inputs.runs === 0 ? 1 : 0;
}
