// What every deployment route reads: the plan and the scripts compile (or sign) produced.
import type { EmittedFile } from "../emit/emitted-file.js";
import { EmitError } from "../emit/bytes.js";
import type { Plan } from "../plan/plan.js";

export interface DeployScripts {
  remediation: EmittedFile;
  detect: EmittedFile;
  launcher: EmittedFile;
  fixCmd?: EmittedFile;
}

export interface DeployInput {
  plan: Plan;
  scripts: DeployScripts;
}

/** Where the deployment artifacts of a playbook go: out/<id>/deploy/. */
export const deployDir = (id: string): string => `${id}/deploy`;

export const fileName = (file: EmittedFile): string => file.path.split("/").pop()!;

export function deployScripts(id: string, files: readonly EmittedFile[]): DeployScripts {
  const find = (name: string) => files.find((f) => f.path === `${id}/${name}`);
  const need = (name: string) => {
    const file = find(name);
    if (!file) throw new EmitError(`${id}: no ${name} to build the deployment artifacts from`);
    return file;
  };
  const fixCmd = find(`${id}.fix.cmd`);
  return {
    remediation: need(`${id}.ps1`),
    detect: need(`${id}.detect.ps1`),
    launcher: need(`${id}.launch.cmd`),
    ...(fixCmd ? { fixCmd } : {}),
  };
}
