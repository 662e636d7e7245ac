// manifest.json: what was compiled from what, with hashes of every emitted file,
// the methods, parameters and the exit-code table (kbfix sign adds "signed").
import { DETECTION_EXIT_CODES, EXIT_CODES } from "../model/exit-codes.js";
import type { Plan } from "../plan/plan.js";
import { SCHEMA_VERSION } from "../schema/playbook-schema.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { toTextBytes } from "./bytes.js";
import { sha256Hex, type EmittedFile } from "./emitted-file.js";
import type { CmdScript } from "./cmd/emit-cmd.js";
import type { Ps1Script } from "./ps1/emit-ps1.js";
import { safeSourceName } from "./view.js";

/**
 * Per script: the runtime it carries (PowerShell functions, batch labels) and the SHA-256 its
 * marker line states.
 */
function runtimeOf(files: readonly EmittedFile[], id: string): object {
  const scripts = files
    .filter((f): f is Ps1Script | CmdScript => "runtime" in f)
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((f) => ({
      path: f.path.slice(id.length + 1),
      sha256: f.runtime.sha256,
      ...("functions" in f.runtime
        ? { functions: f.runtime.functions }
        : { labels: f.runtime.labels }),
    }));
  return { version: TOOL_VERSION, scripts };
}

export function emitManifest(plan: Plan, files: readonly EmittedFile[]): EmittedFile {
  const manifest = {
    tool: { name: TOOL_NAME, version: TOOL_VERSION, schemaVersion: SCHEMA_VERSION },
    playbook: {
      id: plan.id,
      title: plan.title,
      kb: plan.kb,
      path: safeSourceName(plan.file),
      sha256: plan.sha256,
      source: plan.source,
    },
    strategy: plan.strategy,
    targets: plan.targets,
    applies: plan.applies,
    parameters: plan.parameters.map(({ span: _span, fieldSpans: _spans, ...p }) => p),
    methods: plan.methods.map((m) => ({
      id: m.id,
      kbMethod: m.kbMethod,
      title: m.title,
      risk: m.risk,
      reboot: m.reboot,
      applies: m.applies,
      services: m.services,
      ...(m.startAtEnd.length ? { startAtEnd: m.startAtEnd } : {}),
      steps: m.steps.map((s) => ({ id: s.id, kind: s.kind })),
    })),
    exitCodes: { remediation: EXIT_CODES, detection: DETECTION_EXIT_CODES },
    runtime: runtimeOf(files, plan.id),
    files: [...files]
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map((f) => ({ path: f.path.slice(plan.id.length + 1), sha256: sha256Hex(f.bytes) })),
  };
  return {
    path: `${plan.id}/manifest.json`,
    bytes: toTextBytes(JSON.stringify(manifest, null, 2)),
  };
}
