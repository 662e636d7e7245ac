// Group Policy computer startup script: psscripts.ini (PowerShell Scripts tab) for the
// remediation, scripts.ini (Scripts tab) for the launcher; use one of the two. Both run
// within MaxGPOScriptWait, which the worst case is checked against.
import { diagnostic, type Diagnostic } from "../diagnostic.js";
import type { EmittedFile } from "../emit/emitted-file.js";
import { deployDir, fileName, type DeployInput } from "./deploy-input.js";
import { iniBytes } from "./ini-text.js";
import { GPO_SCRIPT_WAIT_SECONDS, worstCaseItems, worstCaseSeconds } from "./time-budget.js";

export const PS_SCRIPTS_INI = "psscripts.ini";
export const SCRIPTS_INI = "scripts.ini";

function startupIni(script: EmittedFile): Buffer {
  return iniBytes({
    Startup: [
      ["0CmdLine", fileName(script)],
      ["0Parameters", ""],
    ],
  });
}

export function emitGroupPolicy({ plan, scripts }: DeployInput): EmittedFile[] {
  const dir = deployDir(plan.id);
  return [
    { path: `${dir}/${PS_SCRIPTS_INI}`, bytes: startupIni(scripts.remediation) },
    { path: `${dir}/${SCRIPTS_INI}`, bytes: startupIni(scripts.launcher) },
  ];
}

export function overGpoBudget(plan: DeployInput["plan"]): boolean {
  return worstCaseSeconds(plan) > GPO_SCRIPT_WAIT_SECONDS;
}

export function gpoBudgetWarnings(plan: DeployInput["plan"]): Diagnostic[] {
  if (!overGpoBudget(plan)) return [];
  const longest = [...worstCaseItems(plan)]
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, 3)
    .map((item) => `${item.what} ${item.seconds} s`)
    .join(", ");
  return [
    diagnostic(
      plan.file,
      plan.fieldSpans.methods ?? { line: 1, column: 1 },
      "warning",
      "deploy-gpo-time-budget",
      `as a Group Policy startup script the remediation can run ${worstCaseSeconds(plan)} s, over ` +
        `the ${GPO_SCRIPT_WAIT_SECONDS} s Windows allows all startup scripts by default ` +
        `(MaxGPOScriptWait); longest waits: ${longest}`,
      "deploy it another way, or raise MaxGPOScriptWait for the machines that run it",
    ),
  ];
}
