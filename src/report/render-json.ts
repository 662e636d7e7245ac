// The report for machines: the model as it is (its keys are in a fixed order), two-space
// indented, one trailing newline. Documented in docs/result-json.md.
import type { FleetReport } from "./fleet-report.js";

export function renderJson(report: FleetReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}
