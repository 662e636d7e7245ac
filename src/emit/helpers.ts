// The Handlebars helpers: the only door from a template to a value. Every one
// quotes for its target; the template lint test fails on any other mustache.
import { cmdInteger, cmdName, cmdSlashValue, cmdSwitch, cmdToken, cmdValue } from "./quote-cmd.js";
import {
  psBool,
  psInteger,
  psIntegerArray,
  psString,
  psStringArray,
  psStringList,
  psKey,
  psHelpLines,
  psStringOrNull,
  psVariable,
} from "./quote-ps.js";
import {
  psApplies,
  psParameterDefault,
  psParameterType,
  psRegistryKey,
  psGuard,
  psPath,
  psPaths,
  psRegistryData,
  psRegistryType,
  psRunArguments,
} from "./ps1/ps-values.js";

import { psProbeCallText, psProbeStatementsText, psStepCallText } from "./ps1/ps-call-text.js";
import { stepKinds, isStepKindName } from "../steps/index.js";
import { evidenceKinds, isEvidenceKindName } from "../evidence/index.js";
import { QuoteError } from "./quote-ps.js";
import type { PlanVerify } from "../steps/step-kind.js";

type Helper = (...args: any[]) => string;

function psStepCall(view: { kind: string; inPerUser: boolean; verify?: PlanVerify }): string {
  if (!isStepKindName(view.kind)) throw new QuoteError(`unknown step kind '${view.kind}'`);
  const kind = stepKinds[view.kind];
  const verify = view.verify?.probe && psProbeCall(view.verify.probe);
  return psStepCallText(
    kind.ps1,
    view,
    { inPerUser: view.inPerUser, perUserKind: kind.perUser, profileSid: kind.profileSid },
    verify,
  );
}

function probeCall(view: { kind: string }) {
  if (!isEvidenceKindName(view.kind)) throw new QuoteError(`unknown evidence kind '${view.kind}'`);
  return evidenceKinds[view.kind].ps1;
}

function psProbeCall(view: { kind: string }): string {
  return psProbeCallText(probeCall(view), view);
}

/** Helpers that quote a value for PowerShell. */
export const PS_HELPERS: Record<string, Helper> = {
  ps: (v: string) => psString(String(v)),
  psHelp: (v: string) => psHelpLines(String(v)).join("\n    "),
  psStepCall: (v) => psStepCall(v),
  psProbeCall: (v) => psProbeCall(v),
  psProbeStatements: (v) => psProbeStatementsText(probeCall(v), v),
  psOrNull: (v: string | undefined) =>
    psStringOrNull(v === undefined || v === null ? undefined : String(v)),
  psInt: (v: number) => psInteger(v),
  psBool: (v: boolean) => psBool(Boolean(v)),
  psStrings: (v: string[]) => psStringArray(v),
  psList: (v: string[]) => psStringList(v),
  psInts: (v: number[]) => psIntegerArray(v),
  psVar: (v: string) => psVariable(v),
  psKey: (v: string) => psKey(v),
  psPath: (v) => psPath(v),
  psPaths: (v) => psPaths(v),
  psGuard: (v) => psGuard(v),
  psApplies: (v) => psApplies(v),
  psRegistryType: (v) => psRegistryType(v),
  psRegistryData: (v) => psRegistryData(v),
  psRunArguments: (v) => psRunArguments(v),
  psRegistryKey: (v) => psRegistryKey(v),
  psType: (v) => psParameterType(v),
  psDefault: (v) => psParameterDefault(v),
};

/** Helpers that admit a value into a batch script. */
export const CMD_HELPERS: Record<string, Helper> = {
  cmd: (v: string) => cmdValue(String(v)),
  cmdGlob: (v: string) => cmdValue(String(v), true),
  cmdSlash: (v: string) => cmdSlashValue(String(v)),
  cmdSwitch: (v: string) => cmdSwitch(String(v)),
  cmdToken: (v: string) => cmdToken(String(v)),
  cmdInt: (v: number) => cmdInteger(v),
  cmdName: (v: string) => cmdName(String(v)),
};

/**
 * Helpers that write a step's or probe's batch call from its kind's declaration
 * (cmd/cmd-call-text.ts), every value through the batch quoting functions; registered by
 * templates.ts, as they render the shared partials.
 */
export const CMD_CALL_HELPERS = ["cmdStepCall", "cmdProbeCall"] as const;

/** Helpers that are not values in a script: markdown escaping for the README. */
export const STATIC_HELPERS = ["md", "mdCode", "mdCodeCell", "mdParameter"] as const;

/** Argument-less helpers marking where the tree-shaken runtime and its hash go (emit-ps1.ts, emit-cmd.ts). */
export const SLOT_HELPERS = ["runtimeSection", "runtimeSha256"] as const;

export const BLOCK_HELPERS = ["if", "unless", "each", "with"] as const;
