// Printing for people and machines: colour only on a TTY without NO_COLOR.
import { formatDiagnostic, formatDiagnosticsJson, type Diagnostic } from "../diagnostic.js";

export type OutputFormat = "text" | "json";

export function useColor(stream: NodeJS.WriteStream = process.stderr): boolean {
  return Boolean(stream.isTTY) && !("NO_COLOR" in process.env) && process.env.TERM !== "dumb";
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], format: OutputFormat): void {
  if (format === "json") {
    process.stdout.write(formatDiagnosticsJson(diagnostics) + "\n");
    return;
  }
  const color = useColor();
  for (const d of diagnostics) process.stderr.write(formatDiagnostic(d, { color }) + "\n");
}

export function summaryLine(files: number, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(files, "playbook")} checked: ${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}
