// The report as one self-contained HTML page: inline CSS, inline SVG charts, no script, no
// font or image from anywhere (the page's own policy forbids loading any). The same report
// gives the same bytes: no dates, no random ids. All text goes through escapeHtml.
import type { FleetReport, PlaybookReport } from "./fleet-report.js";
import { escapeHtml as e } from "./html-escape.js";
import { summaryLine } from "./render-text.js";
import { exitText, METHOD_NUMERIC, methodRows, outcomeRows } from "./report-rows.js";
import { ladderFunnel, outcomeBarChart } from "./svg-charts.js";

export interface HtmlOptions {
  maxMachines: number;
}

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2733; margin: 24px; max-width: 1100px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 4px; border-top: 1px solid #d0d7de; padding-top: 16px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.summary, .meta { color: #4b5967; }
table { border-collapse: collapse; margin: 4px 0 8px; }
th, td { text-align: left; padding: 3px 10px 3px 0; vertical-align: top; border-bottom: 1px solid #eaeef2; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.msg { max-width: 560px; overflow-wrap: anywhere; }
.chart text { font-size: 12px; fill: #1d2733; }
.outcomes text { text-anchor: middle; }
.outcomes .names { fill: #4b5967; font-size: 11px; }
.baseline { stroke: #8c959f; }
.tone-ok rect { fill: #2e7d32; } .tone-failed rect { fill: #c62828; }
.tone-pending rect { fill: #ef8f00; } .tone-unknown rect { fill: #8c959f; }
.funnel .method { text-anchor: end; }
.funnel .reached { fill: #90caf9; } .funnel .fixed { fill: #2e7d32; } .funnel .failed { fill: #c62828; }
.legend span { display: inline-block; margin-right: 14px; }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
.none { color: #4b5967; }
`;

function table(headers: string[], rows: string[][], numeric: readonly boolean[]): string {
  const cls = (c: number, wide: boolean) =>
    numeric[c] ? ' class="n"' : wide ? ' class="msg"' : "";
  const head = headers.map((h, c) => `<th${cls(c, false)}>${e(h)}</th>`).join("");
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, c) => `<td${cls(c, c === row.length - 1)}>${e(cell)}</td>`).join("")}</tr>`,
    )
    .join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const none = `<p class="none">none</p>`;

function machinesTable(p: PlaybookReport, max: number): string {
  const listed = p.failingMachines.slice(0, max);
  const rows = listed.map((m) => [m.computer, exitText(m.exitCode), m.outcome, m.step, m.message]);
  const more = p.failingMachines.length - listed.length;
  const note =
    more > 0
      ? `<p class="meta">… and ${more} more (kbfix report --format json lists all).</p>`
      : "";
  return (
    table(["Computer", "Exit", "Outcome", "Failed step", "Why"], rows, [
      false,
      true,
      false,
      false,
      false,
    ]) + note
  );
}

function playbookSection(p: PlaybookReport, options: HtmlOptions): string {
  const stepRows = p.failingSteps.map((s) => [String(s.machines), s.step, s.method, s.message]);
  return [
    `<section class="playbook" data-playbook-id="${e(p.playbookId)}" data-tool-version="${e(p.toolVersion)}" data-machines="${p.machines}">`,
    `<h2>${e(p.playbookId)} <span class="meta">tool ${e(p.toolVersion)}</span></h2>`,
    p.title ? `<p class="meta">${e(p.title)}</p>` : "",
    `<p>${p.machines} machines, ${p.superseded} older runs superseded, ${p.whatIfRuns} -WhatIf runs.</p>`,
    `<h3>Outcomes by exit code</h3>`,
    outcomeBarChart(p.outcomes),
    table(["Exit", "Machines", "Outcomes"], outcomeRows(p), [true, true, false]),
    `<h3>Ladder: machines per method</h3>`,
    p.methods.length
      ? `<p class="legend"><span><i style="background:#90caf9"></i>reached</span><span><i style="background:#2e7d32"></i>fixed (its change was the last)</span><span><i style="background:#c62828"></i>failed</span></p>` +
        ladderFunnel(p.methods) +
        table(
          ["#", "Method", "Reached", "Changed", "Fixed", "Failed"],
          methodRows(p),
          METHOD_NUMERIC,
        )
      : none,
    `<h3>Steps that fail most</h3>`,
    stepRows.length
      ? table(["Machines", "Step", "Method", "Message"], stepRows, [true, false, false, false])
      : none,
    `<h3>Machines still failing (${p.failingMachines.length})</h3>`,
    p.failingMachines.length ? machinesTable(p, options.maxMachines) : none,
    `</section>`,
  ]
    .filter(Boolean)
    .join("\n");
}

function problemsSection(report: FleetReport): string {
  const total = report.inputs.problems;
  const counts = Object.entries(report.problemCounts).filter(([, n]) => n > 0);
  const unnamed = total - report.problems.length;
  return [
    `<section class="problems" data-problems="${total}">`,
    `<h2>Input problems (${total})</h2>`,
    total
      ? table(
          ["Kind", "Count"],
          counts.map(([k, n]) => [k, String(n)]),
          [false, true],
        )
      : none,
    report.problems.length
      ? table(
          ["Kind", "Input", "Problem"],
          report.problems.map((p) => [p.kind, p.path, p.message]),
          [false, false, false],
        )
      : "",
    unnamed > 0 ? `<p class="meta">${unnamed} more not named; the counts are complete.</p>` : "",
    `</section>`,
  ]
    .filter(Boolean)
    .join("\n");
}

export function renderHtml(report: FleetReport, options: HtmlOptions): string {
  return [
    `<!DOCTYPE html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>kbfix fleet report</title>`,
    `<style>${STYLE}</style>`,
    `</head>`,
    `<body>`,
    `<h1>kbfix fleet report</h1>`,
    `<p class="summary">${e(summaryLine(report))}</p>`,
    ...report.playbooks.map((p) => playbookSection(p, options)),
    report.playbooks.length ? "" : `<p class="none">No runs found in the inputs.</p>`,
    problemsSection(report),
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}
