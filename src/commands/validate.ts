// `kbfix validate [paths..] [--site F]`: every diagnostic of every playbook (and of the site
// file's values), then a summary.
import { hasErrors, sortDiagnostics } from "../diagnostic.js";
import { analyzeAll } from "../pipeline/analyze-all.js";
import { withSite } from "../pipeline/with-site.js";
import { printDiagnostics, summaryLine, type OutputFormat } from "./output.js";

export function validateCommand(paths: string[], format: OutputFormat, site?: string): number {
  const analysed = analyzeAll(paths);
  const { analyses } = analysed;
  const plans = analyses.flatMap((a) => (a.plan ? [a.plan] : []));
  const siteCheck = withSite(plans, site, !hasErrors(analysed.diagnostics));
  const diagnostics = sortDiagnostics([...analysed.diagnostics, ...siteCheck.diagnostics]);
  printDiagnostics(diagnostics, format);
  if (format === "text") process.stderr.write(summaryLine(analyses.length, diagnostics) + "\n");
  return hasErrors(diagnostics) ? 1 : 0;
}
