// The report for people at a terminal: a summary line, then per playbook and tool version the
// outcomes, the ladder, the failing steps and the machines still failing, then the input
// problems.
import type { FleetReport, PlaybookReport } from "./fleet-report.js";
import { printable, textTable } from "./text-table.js";
import { exitText, METHOD_NUMERIC, methodRows, outcomeRows } from "./report-rows.js";

export interface TextOptions {
  /** Machines still failing listed per playbook; the rest are counted. */
  maxMachines: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function summaryLine(report: FleetReport): string {
  const i = report.inputs;
  const read = [plural(i.resultFiles, "result file")];
  if (i.csvFiles) read.push(`${plural(i.csvFiles, "CSV export")} (${plural(i.csvRows, "row")})`);
  const legacy = i.legacyRuns ? `, ${i.legacyRuns} of version 0` : "";
  return (
    `kbfix report: ${read.join(", ")} -> ${plural(i.runs, "run")}${legacy}, ` +
    `${plural(i.machines, "machine")} (${plural(i.superseded, "older run")} superseded), ` +
    `${plural(i.problems, "input problem")}`
  );
}

function outcomeLines(p: PlaybookReport): string[] {
  return textTable(["EXIT", "MACHINES", "OUTCOMES"], outcomeRows(p), [true, true, false]);
}

function methodLines(p: PlaybookReport): string[] {
  return textTable(
    ["#", "METHOD", "REACHED", "CHANGED", "FIXED", "FAILED"],
    methodRows(p),
    METHOD_NUMERIC,
  );
}

function stepLines(p: PlaybookReport): string[] {
  const rows = p.failingSteps.map((s) => [String(s.machines), s.step, s.method, s.message]);
  return textTable(["MACHINES", "STEP", "METHOD", "MESSAGE"], rows, [true, false, false, false]);
}

function machineLines(p: PlaybookReport, max: number): string[] {
  const listed = p.failingMachines.slice(0, max);
  const rows = listed.map((m) => [m.computer, exitText(m.exitCode), m.outcome, m.step, m.message]);
  const lines = textTable(["COMPUTER", "EXIT", "OUTCOME", "STEP", "WHY"], rows, [
    false,
    true,
    false,
    false,
    false,
  ]);
  const more = p.failingMachines.length - listed.length;
  if (more > 0) lines.push(`... and ${more} more (--max-machines, or --format json for all)`);
  return lines;
}

const indent = (lines: string[]) => lines.map((line) => `    ${line}`);

function playbookLines(p: PlaybookReport, options: TextOptions): string[] {
  const title = p.title ? `: ${p.title}` : "";
  const lines = [
    `${p.playbookId} (tool ${p.toolVersion})${title}`,
    `  ${plural(p.machines, "machine")}, ${plural(p.superseded, "older run")} superseded, ` +
      `${plural(p.whatIfRuns, "-WhatIf run")}`,
    "",
    "  Outcomes by exit code",
    ...indent(outcomeLines(p)),
  ];
  if (p.methods.length)
    lines.push("", "  Ladder, per method (machines)", ...indent(methodLines(p)));
  lines.push("", `  Steps that fail most (${p.failingSteps.length})`);
  lines.push(...(p.failingSteps.length ? indent(stepLines(p)) : ["    none"]));
  lines.push("", `  Machines still failing (${p.failingMachines.length})`);
  lines.push(
    ...(p.failingMachines.length ? indent(machineLines(p, options.maxMachines)) : ["    none"]),
  );
  return lines;
}

function problemLines(report: FleetReport): string[] {
  const total = report.inputs.problems;
  const lines = [`Input problems (${total})`];
  if (!total) return [...lines, "    none"];
  const counts = Object.entries(report.problemCounts).filter(([, n]) => n > 0);
  lines.push(
    ...indent(
      textTable(
        ["KIND", "COUNT"],
        counts.map(([k, n]) => [k, String(n)]),
        [false, true],
      ),
    ),
  );
  const rows = report.problems.map((p) => [p.kind, p.path, p.message]);
  lines.push("", ...indent(textTable(["KIND", "INPUT", "PROBLEM"], rows, [false, false, false])));
  if (report.problems.length < total)
    lines.push(
      `    ... ${total - report.problems.length} more not named (the counts above are complete)`,
    );
  return lines;
}

export function renderText(report: FleetReport, options: TextOptions): string {
  const lines = [summaryLine(report), ""];
  for (const p of report.playbooks) lines.push(...playbookLines(p, options), "");
  if (!report.playbooks.length) lines.push("No runs found in the inputs.", "");
  lines.push(...problemLines(report));
  return lines.map(printable).join("\n") + "\n";
}
