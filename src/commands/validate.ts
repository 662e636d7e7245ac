// `kbfix validate [paths..] [--site F]`: every diagnostic of every playbook (and of the site
// file's values), then a summary.
import { hasErrors } from "../diagnostic.js";
import { analyzeWithSite } from "../pipeline/analyze-with-site.js";
import { printDiagnostics, summaryLine, type OutputFormat } from "./output.js";

export function validateCommand(paths: string[], format: OutputFormat, site?: string): number {
  const { playbooks, diagnostics } = analyzeWithSite(paths, site);
  printDiagnostics(diagnostics, format);
  if (format === "text") process.stderr.write(summaryLine(playbooks, diagnostics) + "\n");
  return hasErrors(diagnostics) ? 1 : 0;
}
