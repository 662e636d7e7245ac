// `kbfix list`: one row per playbook: methods, highest risk, reboot, targets.
import { hasErrors } from "../diagnostic.js";
import type { Plan } from "../plan/plan.js";
import { analyzeAll } from "../pipeline/analyze-all.js";
import { printDiagnostics, type OutputFormat } from "./output.js";

const RISK_ORDER = ["low", "medium", "high"];
const REBOOT_ORDER = ["none", "soft", "hard"];

export function listRow(plan: Plan): Record<string, string> {
  const highest = (values: string[], order: string[]) =>
    values.reduce((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a), order[0]!);
  return {
    playbook: plan.id,
    kb: plan.kb.join(","),
    methods: String(plan.methods.length),
    risk: highest(
      plan.methods.map((m) => m.risk),
      RISK_ORDER,
    ),
    reboot: highest(
      plan.methods.map((m) => m.reboot),
      REBOOT_ORDER,
    ),
    targets: plan.targets.join("+"),
    title: plan.title,
  };
}

export function formatTable(rows: Record<string, string>[]): string {
  if (!rows.length) return "";
  const columns = Object.keys(rows[0]!);
  const width = (c: string) => Math.max(c.length, ...rows.map((r) => r[c]!.length));
  const line = (cells: Record<string, string>) =>
    columns
      .map((c) => cells[c]!.padEnd(width(c)))
      .join("  ")
      .trimEnd();
  const header = Object.fromEntries(columns.map((c) => [c, c.toUpperCase()]));
  return [line(header), ...rows.map(line)].join("\n");
}

export function listCommand(paths: string[], format: OutputFormat): number {
  const { analyses, diagnostics } = analyzeAll(paths);
  const rows = analyses.flatMap((a) => (a.plan ? [listRow(a.plan)] : []));
  if (format === "json") process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
  else if (rows.length) process.stdout.write(formatTable(rows) + "\n");
  printDiagnostics(
    diagnostics.filter((d) => d.severity === "error"),
    "text",
  );
  return hasErrors(diagnostics) ? 1 : 0;
}
