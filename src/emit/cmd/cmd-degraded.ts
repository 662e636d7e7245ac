// What the batch script says about a step or probe it cannot carry (a value fails
// the batch whitelist, plan/cmd-carry.ts): what holds the value and what to do by
// hand. Built from ids, kinds and field names only, so it passes the whitelist
// itself; the value stays in README.md and the PowerShell script.
import type { CmdBlock } from "../../plan/cmd-carry.js";
import { safeText } from "./cmd-safe-text.js";

function holders(blocks: readonly CmdBlock[]): string {
  return [...new Set(blocks.map((b) => b.holder))].join(", ");
}

export function degradedStepText(step: { id: string; kind: string }, blocks: CmdBlock[]): string {
  return safeText(
    `step ${step.id}, ${step.kind}: a value the batch script cannot carry is in its ` +
      `${holders(blocks)}, so the batch script does not run it. Do it by hand as README.md ` +
      `describes step ${step.id}, or run the PowerShell script`,
    `see README.md, step ${step.id}`,
  );
}

export function degradedProbeText(probe: { id: string; kind: string }, blocks: CmdBlock[]): string {
  return safeText(
    `a value the batch script cannot carry is in the ${holders(blocks)} of this ${probe.kind} ` +
      `probe: the PowerShell script checks it`,
    "the PowerShell script checks this probe",
  );
}
