// README.md beside the scripts: for reviewers and deployers, generated from the
// same plan descriptions as `kbfix explain`.
import type { Plan } from "../plan/plan.js";
import { describeApplicability, describeEvidence, describeMethod } from "../plan/describe.js";
import { toTextBytes } from "./bytes.js";
import type { EmittedFile } from "./emitted-file.js";
import { templates } from "./templates.js";
import { playbookView } from "./view.js";

/** The deployment section, filled by src/deploy (the README only lays it out). */
export interface DeployReadmeView {
  routes: {
    id: string;
    name: string;
    script: string;
    bytes: number;
    limit: string;
    fits: string;
  }[];
  intune: { body: string; script: string } | false;
  application:
    | { descriptor: string; content: string[]; appDetect: string; maximumRuntimeMins: number }
    | false;
  configurationItem: { descriptor: string; discovery: string };
  win32: { installer: string } | false;
  cmScript: string;
  gpo: { psIni: string; ini: string; worstSeconds: number; budgetSeconds: number; over: boolean };
}

export function emitReadme(
  plan: Plan,
  names: { cmdName?: string; deploy: DeployReadmeView },
): EmittedFile {
  const view = {
    ...playbookView(plan, "ps1"),
    ps1Name: `${plan.id}.ps1`,
    detectName: `${plan.id}.detect.ps1`,
    launcherName: `${plan.id}.launch.cmd`,
    cmdName: names.cmdName ?? false,
    deploy: names.deploy,
    appliesText: describeApplicability(plan.applies),
    evidenceLines: describeEvidence(plan.detection).map((l) => l.trim().replace(/^- /, "")),
    strategyText:
      plan.strategy === "escalate"
        ? "Strategy escalate: the methods run in the article's order; detection runs again after each one and the run stops as soon as it is clean, as the article tells the reader to do. A method that fails stops the run (exit 2): no later, more invasive method runs on a machine in an unknown state."
        : "Strategy all: every applicable method runs, in the article's order. A method that fails stops the run (exit 2): no later method runs on a machine in an unknown state.",
    methodBlocks: plan.methods.map((m) => {
      const [heading, ...lines] = describeMethod(m);
      return { heading: heading!, lines: lines.map((l) => l.trim()) };
    }),
  };
  return {
    path: `${plan.id}/README.md`,
    bytes: toTextBytes(templates().render("readme.md", view)),
  };
}
