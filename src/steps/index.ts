// The registry of step kinds: adding one is its file plus one line here; the
// compiler checks that every name maps to a complete StepKind.
import { attributes } from "./attributes.js";
import { certificate } from "./certificate.js";
import { clearFolder } from "./clear-folder.js";
import { deleteFiles } from "./delete-files.js";
import { manual } from "./manual.js";
import { perUser } from "./per-user.js";
import { registerDlls } from "./register-dlls.js";
import { registryValue } from "./registry-value.js";
import { rename } from "./rename.js";
import { run } from "./run.js";
import { service } from "./service.js";
import type { StepKind } from "./step-kind.js";

export const stepKinds = {
  service,
  rename,
  "clear-folder": clearFolder,
  "delete-files": deleteFiles,
  attributes,
  "registry-value": registryValue,
  "register-dlls": registerDlls,
  run,
  certificate,
  "per-user": perUser,
  manual,
} satisfies Record<string, StepKind>;

export type StepKindName = keyof typeof stepKinds;

export type PlanStep = {
  [K in StepKindName]: (typeof stepKinds)[K] extends StepKind<any, infer L> ? L : never;
}[StepKindName];

export function isStepKindName(name: string): name is StepKindName {
  return Object.hasOwn(stepKinds, name);
}
