// The PowerShell target: remediation, detection and the .cmd launcher. Each
// script carries only the runtime its body reaches, after a hashed marker.
import type { Plan } from "../../plan/plan.js";
import { EXIT_CODES } from "../../model/exit-codes.js";
import { TOOL_VERSION } from "../../version.js";
import { toScriptBytes, toScriptBytesAround } from "../bytes.js";
import { aroundSlot, fillSlot } from "../slots.js";
import type { EmittedFile } from "../emitted-file.js";
import { RUNTIME_SECTION_SLOT, RUNTIME_SHA256_SLOT, templates } from "../templates.js";
import { inlineProbes, playbookView } from "../view.js";
import { parametersReadByDetection } from "../../plan/parameters-read.js";
import { runtimeLibrary } from "./runtime-library.js";
import { runtimeSection, type RuntimeSection } from "./runtime-section.js";
import { absentFeatures } from "./feature-cuts.js";
import { treeShake } from "./tree-shake.js";

export interface Ps1Script extends EmittedFile {
  runtime: RuntimeSection;
}

/** The runtime a rendered body reaches, without what the playbook's data makes dead. */
function runtimeFor(plan: Plan, rendered: string): RuntimeSection {
  return runtimeSection(treeShake(runtimeLibrary(), rendered, absentFeatures(plan)), TOOL_VERSION);
}

/**
 * The body with the runtime's hash in its slot and the runtime in its own: the script's bytes.
 * The section is encoded once per shape and copied in (toScriptBytesAround).
 */
function scriptBytes(name: string, rendered: string, runtime: RuntimeSection): Buffer {
  const body = fillSlot(name, rendered, RUNTIME_SHA256_SLOT, `'${runtime.sha256}'`);
  const [before, after] = aroundSlot(name, body, RUNTIME_SECTION_SLOT);
  return toScriptBytesAround(name, before, runtime.block, after);
}

/**
 * What a detection script's view adds: it declares every parameter of the remediation, so one
 * command line serves both, but validates and keeps as data only those its probes read; and
 * its probe calls stay on one line each (inlineProbes).
 */
function detectView(plan: Plan, contract: string) {
  const read = parametersReadByDetection(plan);
  const view = playbookView(plan, "ps1");
  const parameterViews = view.parameterViews.map((p) => ({
    ...p,
    ignored: !read.has(p.name as string),
  }));
  return {
    detectContract: contract,
    detection: inlineProbes(view.detection),
    parameterViews,
    ignoresParameters: parameterViews.some((p) => p.ignored),
  };
}

/** A script rendered from a template with the playbook's view, carrying the runtime it reaches. */
function ps1Script(plan: Plan, path: string, template: string, extra: object = {}): Ps1Script {
  const rendered = templates().render(template, { ...playbookView(plan, "ps1"), ...extra });
  const runtime = runtimeFor(plan, rendered);
  const name = path.split("/").pop()!;
  return { path, bytes: scriptBytes(name, rendered, runtime), runtime };
}

/**
 * The detection script for ConfigMgr application detection: the same template and data with the
 * ConfigMgrApplication contract and its own entry (Start-KbAppDetect, no 64-bit relaunch), so the
 * shaker gives it its own, smaller runtime section.
 */
export function emitAppDetectPs1(plan: Plan, path: string): Ps1Script {
  return ps1Script(plan, path, "ps1/detect.ps1", {
    ...detectView(plan, "ConfigMgrApplication"),
    appDetect: true,
  });
}

export function emitPs1(plan: Plan): EmittedFile[] {
  const { render } = templates();
  const view = playbookView(plan, "ps1");
  const dir = plan.id;
  const script = (name: string, template: string, extra: object = {}): Ps1Script =>
    ps1Script(plan, `${dir}/${name}`, template, extra);
  return [
    script(`${plan.id}.ps1`, "ps1/remediation.ps1"),
    script(`${plan.id}.detect.ps1`, "ps1/detect.ps1", detectView(plan, "Intune")),
    {
      path: `${dir}/${plan.id}.launch.cmd`,
      bytes: toScriptBytes(
        `${plan.id}.launch.cmd`,
        render("cmd/launcher.cmd", { ...view, ...launcherView(plan) }),
      ),
    },
  ];
}

/**
 * What the launcher names: the script it starts, and the batch remediation it runs instead where
 * Windows PowerShell 5.1 is missing (none when the playbook has no cmd target).
 */
function launcherView(plan: Plan) {
  return {
    id: plan.id,
    scriptName: `${plan.id}.ps1`,
    fixName: plan.targets.includes("cmd") ? `${plan.id}.fix.cmd` : undefined,
    badArguments: codeOf("BadArguments"),
    stepFailed: codeOf("StepFailed"),
  };
}

function codeOf(outcome: string): number {
  return EXIT_CODES.find((c) => c.outcome === outcome)!.code;
}
