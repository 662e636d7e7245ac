// `kbfix validate [paths..]`: every diagnostic of every playbook, then a summary.
import { hasErrors } from "../diagnostic.js";
import { analyzeAll } from "../pipeline/analyze-all.js";
import { printDiagnostics, summaryLine, type OutputFormat } from "./output.js";

export function validateCommand(paths: string[], format: OutputFormat): number {
  const { analyses, diagnostics } = analyzeAll(paths);
  printDiagnostics(diagnostics, format);
  if (format === "text") process.stderr.write(summaryLine(analyses.length, diagnostics) + "\n");
  return hasErrors(diagnostics) ? 1 : 0;
}
