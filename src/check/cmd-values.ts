// For playbooks that target cmd: a warning at every value the batch script cannot
// carry (plan/cmd-carry.ts decides, the emitter acts on the same decision), naming
// the step or probe the batch script reports as manual instead; and a warning for
// each step or probe whose kind batch cannot express at all.
import { evidenceKinds } from "../evidence/index.js";
import { cmdCarry, usersOfParameter, type CmdBlock } from "../plan/cmd-carry.js";
import { allProbes, allSteps } from "../plan/walk.js";
import { stepKinds } from "../steps/index.js";
import type { Check, CheckInput } from "./check-input.js";

const HINT =
  "the PowerShell script carries it out; change the value to run it in batch too, or remove cmd from targets";

export const cmdValues: Check = (input) => {
  const plan = input.plan;
  if (!plan.targets.includes("cmd")) return;
  unsupportedKinds(input);
  const carry = cmdCarry(plan);
  const reported = new Set<CmdBlock>();
  const warn = (b: CmdBlock, what: string) => {
    if (reported.has(b)) return;
    reported.add(b);
    const field = b.field.replace(/\/\d+$/, "");
    input.at(b.span, "warning", "cmd-unsafe-value", `${field} value ${b.reason}: ${what}`, HINT);
  };
  for (const [name, blocks] of carry.parameters) {
    const users = usersOfParameter(plan, name);
    const what = users.length
      ? `the batch script leaves parameter ${name} out and reports ${users.join(", ")} as manual`
      : `the batch script leaves parameter ${name} out`;
    blocks.forEach((b) => warn(b, what));
  }
  for (const [id, blocks] of carry.methods)
    blocks.forEach((b) =>
      warn(b, `the batch script reports every step of method '${id}' as manual`),
    );
  for (const [id, blocks] of carry.steps)
    blocks.forEach((b) => warn(b, `the batch script reports step '${id}' as manual`));
  for (const [id, blocks] of carry.probes)
    blocks.forEach((b) =>
      warn(
        b,
        `the batch script does not check probe '${id}': while its finding could decide the evidence, the run ends ManualActionNeeded`,
      ),
    );
};

function unsupportedKinds(input: CheckInput): void {
  for (const { step } of allSteps(input.plan)) {
    const kind = stepKinds[step.kind];
    if (!kind.targets.cmd) unsupported(input, step, "step", kind.targets.why);
  }
  for (const probe of allProbes(input.plan.detection)) {
    const kind = evidenceKinds[probe.kind as keyof typeof evidenceKinds];
    if (!kind.targets.cmd) unsupported(input, probe, "probe", kind.targets.why);
  }
}

function unsupported(
  input: CheckInput,
  node: { id: string; kind: string; span: CmdBlock["span"] },
  what: string,
  why: string,
): void {
  input.at(
    node.span,
    "warning",
    "cmd-unsupported",
    `${what} '${node.id}' (${node.kind}) cannot be expressed in batch: ${why}`,
    what === "step"
      ? "the batch script reports it as manual; use the PowerShell script for full coverage"
      : "the batch script does not check it, and ends ManualActionNeeded while it could decide the evidence; use the PowerShell script for full coverage",
  );
}
