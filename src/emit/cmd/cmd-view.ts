// The view the batch templates see: playbookView(plan, "cmd") plus labels,
// evidence variables and the batch fields of every method, step and probe.
// Raw values only; the templates admit each through a CMD helper.
import { evidenceKinds, type PlanProbe } from "../../evidence/index.js";
import type { EvidenceView, StepView } from "../view.js";
import { playbookView } from "../view.js";
import type { Plan, PlanMethod } from "../../plan/plan.js";
import { stepKinds, type PlanStep, type StepKindName } from "../../steps/index.js";
import { safeText } from "./cmd-safe-text.js";
import { appliesView, guardView } from "./cmd-conditions.js";
import { cmdDisplayText } from "./cmd-display-text.js";
import { cmdCarry, type CmdBlock, type CmdCarry } from "../../plan/cmd-carry.js";
import { degradedProbeText, degradedStepText } from "./cmd-degraded.js";

type View = Record<string, unknown>;

interface Evidence {
  view: View;
  vars: Map<string, string>;
  history: { id: string; key: string }[];
  /** Every probe's variable, and whether its kind is history evidence (for the ladder). */
  leaves: { var: string; history: boolean }[];
}

function numberEvidence(root: EvidenceView, carry: CmdCarry): Evidence {
  const vars = new Map<string, string>([["detection", "KB_EV_DETECTION"]]);
  const history: { id: string; key: string }[] = [];
  const leaves: { var: string; history: boolean }[] = [];
  let n = 0;
  const visit = (e: EvidenceView): View => {
    const key = `E${++n}`;
    if (e.items) {
      const items = e.items.map(visit);
      return { ...e, var: `KB_${key}`, slot: key, items, isAll: e.mode === "all" };
    }
    const probe = e as unknown as PlanProbe;
    vars.set(probe.id, `KB_${key}`);
    leaves.push({ var: `KB_${key}`, history: evidenceKinds[probe.kind].history });
    if (!evidenceKinds[probe.kind].targets.cmd)
      return { ...e, var: `KB_${key}`, slot: key, partial: "cmd/probes/unsupported" };
    const blocks = carry.probes.get(probe.id);
    if (blocks)
      return {
        ...e,
        var: `KB_${key}`,
        slot: key,
        partial: "cmd/probes/degraded",
        degradedText: degradedProbeText(probe, blocks),
      };
    if (evidenceKinds[probe.kind].history) history.push({ id: probe.id, key });
    const view = { ...e, var: `KB_${key}`, slot: key };
    if (!probe.applies) return view;
    // A probe with its own applies: checked first, its variable N (not applicable) elsewhere.
    const when = { partial: "cmd/probes/when-applicable", probePartial: e.partial };
    return { ...view, ...when, appliesView: appliesView(probe.applies) };
  };
  return { view: visit(root), vars, history, leaves };
}

function stepViewFor(s: StepView, label: string, vars: Map<string, string>, carry: CmdCarry): View {
  const step = s as unknown as PlanStep;
  const blocks = carry.steps.get(step.id);
  if (blocks && stepKinds[step.kind].targets.cmd) return degradedStepView(s, label, vars, blocks);
  const common = {
    label,
    // The step's end label: a jump target only when a step-level applies skips it.
    hasEndLabel: Boolean(s.applies),
    guardView: guardView(step.guard, vars),
    appliesView: s.applies ? appliesView(s.applies) : false,
  };
  if (!stepKinds[step.kind].targets.cmd)
    return { ...s, ...common, partial: "cmd/steps/unsupported", unsupported: step.kind };
  Object.assign(common, { verifyView: verifyView(step, label) });
  const steps = (s.steps ?? []).map((inner, k) =>
    stepViewFor(inner, `${label}_${k + 1}`, vars, carry),
  );
  // Nested steps (per-user) are the body its runtime calls once per profile.
  return { ...s, ...common, block: Boolean(stepKinds[step.kind].cmd?.block), steps };
}

/** A one-shot step's verify probe, run by the step's template after the step changed something. */
function verifyView(step: PlanStep, label: string): View | false {
  const probe = step.verify?.probe as PlanProbe | undefined;
  if (!probe || !evidenceKinds[probe.kind].targets.cmd) return false;
  return {
    ...probe,
    var: `KB_V_${label}`,
    slot: `V_${label}`,
    partial: "cmd/probes/call",
  };
}

/**
 * A step holding a value batch cannot carry: reported as manual with what to do by
 * hand. Its applies and an evidence guard still decide whether it is reached; a path
 * guard is dropped (its path may be the value), so the step is then always reported.
 */
function degradedStepView(
  s: StepView,
  label: string,
  vars: Map<string, string>,
  blocks: CmdBlock[],
): View {
  const step = s as unknown as PlanStep;
  const guard = step.guard?.kind === "evidence" ? step.guard : undefined;
  return {
    ...s,
    label,
    hasEndLabel: Boolean(s.applies),
    guardView: guardView(guard, vars),
    appliesView: s.applies ? appliesView(s.applies) : false,
    partial: "cmd/steps/degraded",
    manualText: degradedStepText(step, blocks),
    steps: [],
  };
}

function methodView(
  m: PlanMethod & { stepViews: StepView[] },
  i: number,
  vars: Map<string, string>,
  carry: CmdCarry,
) {
  // A service name batch cannot carry: nothing is stopped, and every step is manual.
  const names = carry.methods.has(m.id) ? [] : m.services;
  const services = names.map((name, k) => ({ name, index: k + 1 }));
  return {
    ...m,
    index: i + 1,
    label: `kb_m${i + 1}`,
    titleText: cmdDisplayText(m.title),
    appliesView: appliesView(m.applies),
    services,
    servicesReversed: [...services].reverse(),
    stepViews: m.stepViews.map((s, j) => stepViewFor(s, `kb_m${i + 1}_s${j + 1}`, vars, carry)),
  };
}

/** A parameter whose default or values batch cannot carry: left out (its users are manual). */
function parameterView(p: Record<string, unknown>, i: number, carry: CmdCarry): View {
  const left = carry.parameters.has(p.name as string);
  return {
    ...p,
    index: i + 1,
    isSwitch: p.type === "switch",
    isPath: p.type === "path",
    isInt: p.type === "int",
    isEnum: p.type === "enum",
    defaultText: p.hasDefault && p.type !== "switch" && !left ? String(p.default) : "",
    defaultOn: p.type === "switch" && p.default === true,
    valueList: left ? [] : (p.values as string[] | false) || [],
  };
}

export function cmdView(plan: Plan, scriptName: string): View {
  const base = playbookView(plan, "cmd");
  const carry = cmdCarry(plan);
  const evidence = numberEvidence(base.detection, carry);
  const methods = base.methods.map((m, i) => methodView(m, i, evidence.vars, carry));
  return {
    ...base,
    scriptName,
    sourceText: safeText(base.sourceName.replace(/\//g, "\\"), "withheld"),
    titleText: cmdDisplayText(plan.title),
    detection: evidence.view,
    methods,
    historyProbes: evidence.history,
    ladderLeaves: evidence.leaves,
    appliesView: appliesView(plan.applies),
    parameterViews: base.parameterViews.map((p, i) => parameterView(p, i, carry)),
  };
}
