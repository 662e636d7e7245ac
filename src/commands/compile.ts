// `kbfix compile [paths..] [--out out] [--check] [--site site.yaml]`: the pipeline (pipeline/compile-all.ts), then an
// atomic write (or, with --check, a comparison that fails when out/ is stale).
import { hasErrors } from "../diagnostic.js";
import { diffOut, writeOut } from "../output/write-out.js";
import { compilePlaybooks } from "../pipeline/compile-all.js";
import { printDiagnostics, summaryLine, type OutputFormat } from "./output.js";

export interface CompileOptions {
  paths: string[];
  out: string;
  check: boolean;
  format: OutputFormat;
  /** A site file whose values the scripts carry as parameter defaults. */
  site?: string;
}

export function compileCommand(options: CompileOptions): number {
  const { playbooks, diagnostics, files } = compilePlaybooks(options.paths, options.site);
  printDiagnostics(diagnostics, options.format);
  if (hasErrors(diagnostics)) {
    process.stderr.write(summaryLine(playbooks, diagnostics) + "\nnothing written\n");
    return 1;
  }
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
    `compiled ${playbooks} playbook(s) into ${options.out}/: ${differences.length} file(s) changed\n`,
  );
  return 0;
}
