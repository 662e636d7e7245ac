// `kbfix explain <id>`: the plan in words, like a plan preview.
import { hasErrors } from "../diagnostic.js";
import { suggestion } from "../front/did-you-mean.js";
import { describePlan } from "../plan/describe.js";
import { analyzeAll } from "../pipeline/analyze-all.js";
import { printDiagnostics } from "./output.js";

export function explainCommand(id: string, paths: string[]): number {
  const { analyses, diagnostics } = analyzeAll(paths);
  const match = analyses.find((a) => a.plan?.id === id || a.file === id);
  if (!match?.plan) {
    const known = analyses.flatMap((a) => (a.plan ? [a.plan.id] : []));
    const failed = analyses.find((a) => a.file.endsWith(`${id}.yaml`));
    if (failed) printDiagnostics(failed.diagnostics, "text");
    else
      process.stderr.write(`kbfix: no valid playbook with id '${id}' (${suggestion(id, known)})\n`);
    return 1;
  }
  process.stdout.write(describePlan(match.plan).join("\n") + "\n");
  const own = diagnostics.filter((d) => d.file === match.file);
  printDiagnostics(own, "text");
  return hasErrors(own) ? 1 : 0;
}
