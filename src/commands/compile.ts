// `kbfix compile [paths..] [--out out] [--check]`: front end, back end, then an
// atomic write (or, with --check, a comparison that fails when out/ is stale).
import { hasErrors } from "../diagnostic.js";
import { emitPlaybook } from "../pipeline.js";
import type { EmittedFile } from "../emit/emitted-file.js";
import { diffOut, writeOut } from "../output/write-out.js";
import { analyzeAll } from "./analyze-all.js";
import { printDiagnostics, summaryLine, type OutputFormat } from "./output.js";

export interface CompileOptions {
  paths: string[];
  out: string;
  check: boolean;
  format: OutputFormat;
}

export function compileCommand(options: CompileOptions): number {
  const { analyses, diagnostics } = analyzeAll(options.paths);
  printDiagnostics(diagnostics, options.format);
  if (hasErrors(diagnostics)) {
    process.stderr.write(summaryLine(analyses.length, diagnostics) + "\nnothing written\n");
    return 1;
  }
  const emitted = analyses.map((a) => emitPlaybook(a.plan!));
  const emitDiagnostics = emitted.flatMap((e) => e.diagnostics);
  if (emitDiagnostics.length) {
    printDiagnostics(emitDiagnostics, options.format);
    process.stderr.write(summaryLine(analyses.length, emitDiagnostics) + "\nnothing written\n");
    return 1;
  }
  const files: EmittedFile[] = emitted.flatMap((e) => e.files);
  const ownsWholeOut = options.paths.length === 0;
  const differences = diffOut(options.out, files, ownsWholeOut);
  if (options.check) {
    for (const d of differences) process.stderr.write(`${options.out}/${d.path}: ${d.change}\n`);
    process.stderr.write(
      differences.length
        ? `${options.out}/ is stale: run 'kbfix compile' and commit the result\n`
        : `${options.out}/ is up to date\n`,
    );
    return differences.length ? 1 : 0;
  }
  writeOut(options.out, files, ownsWholeOut);
  process.stderr.write(
    `compiled ${analyses.length} playbook(s) into ${options.out}/: ${differences.length} file(s) changed\n`,
  );
  return 0;
}
