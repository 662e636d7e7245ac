// ConfigMgr application: a script deployment type whose program is the launcher, with the
// return-code table and a detection script that follows the application-detection contract.
// configmgr-application.json describes it; New-CMDeployment.ps1 creates it. Its content is a
// folder: ConfigMgr copies the whole content location to the client, and the launcher runs the
// files beside it, so everything the launcher may start is content.
import type { EmittedFile } from "../emit/emitted-file.js";
import { EXIT_CODES } from "../model/exit-codes.js";
import type { Plan } from "../plan/plan.js";
import { deployDir, fileName, type DeployInput, type DeployScripts } from "./deploy-input.js";
import { deployDescription, displayName, PUBLISHER } from "./describe-playbook.js";
import { jsonBytes } from "./json-text.js";
import { sha256Hex } from "../emit/emitted-file.js";
import { worstCaseSeconds } from "./time-budget.js";

export const APPLICATION_ROUTES = ["configmgr-application-detection"] as const;
export const APPLICATION_DESCRIPTOR = "configmgr-application.json";

export type ReturnCodeClass = "Success" | "SoftReboot" | "HardReboot" | "FastRetry" | "Failure";

/** ConfigMgr's meaning of each documented exit code: 0, 3010, 1641, 1618 as usual, else failure. */
export function returnCodeClass(code: number): ReturnCodeClass {
  if (code === 0) return "Success";
  if (code === 3010) return "SoftReboot";
  if (code === 1641) return "HardReboot";
  if (code === 1618) return "FastRetry";
  return "Failure";
}

export function returnCodes(): {
  code: number;
  class: ReturnCodeClass;
  name: string;
  description: string;
}[] {
  const byCode = new Map<number, string[]>();
  for (const e of EXIT_CODES) byCode.set(e.code, [...(byCode.get(e.code) ?? []), e.outcome]);
  return [...byCode].map(([code, outcomes]) => ({
    code,
    class: returnCodeClass(code),
    name: outcomes.join(" or "),
    description: EXIT_CODES.filter((e) => e.code === code)
      .map((e) => `${e.outcome}: ${e.meaning}`)
      .join("; "),
  }));
}

/** ConfigMgr stops a program at its maximum run time: the worst case plus room, 15 min at least. */
export function maximumRuntimeMinutes(plan: Plan): number {
  return Math.max(15, Math.ceil(worstCaseSeconds(plan) / 60) + 5);
}

/**
 * The deployment type's content: the remediation, the launcher, and the batch remediation the
 * launcher hands over to where Windows PowerShell 5.1 is missing (when the playbook has one).
 */
export function applicationContent(scripts: DeployScripts): EmittedFile[] {
  return [scripts.remediation, scripts.launcher, ...(scripts.fixCmd ? [scripts.fixCmd] : [])];
}

interface ContentFile {
  path: string;
  sha256: string;
}

/** The descriptor; content hashes are of the bytes shipped (sign regenerates it). */
export function applicationDescriptor(
  plan: { id: string; name: string; description: string; maximumRuntimeMins: number },
  files: { content: EmittedFile[]; launcher: EmittedFile; appDetect: EmittedFile },
): Buffer {
  const content = (f: EmittedFile): ContentFile => ({
    path: fileName(f),
    sha256: sha256Hex(f.bytes),
  });
  return jsonBytes({
    application: { name: plan.name, description: plan.description, publisher: PUBLISHER },
    deploymentType: {
      name: `${plan.id} script`,
      technology: "Script",
      contentFiles: files.content.map(content),
      installCommand: fileName(files.launcher),
      installationBehaviorType: "InstallForSystem",
      logonRequirementType: "WhetherOrNotUserLoggedOn",
      userInteractionMode: "Hidden",
      rebootBehavior: "BasedOnExitCode",
      maximumRuntimeMins: plan.maximumRuntimeMins,
      detection: {
        scriptLanguage: "PowerShell",
        scriptFile: `deploy/${fileName(files.appDetect)}`,
        sha256: sha256Hex(files.appDetect.bytes),
        runAs32Bit: false,
        contract:
          "exit 0 with a line on stdout = installed (no evidence of the problem); exit 0 with nothing = not installed; exit 1 with nothing = no answer (a 32-bit host); never stderr",
      },
      returnCodes: returnCodes(),
    },
  });
}

export function emitApplication(
  { plan, scripts }: DeployInput,
  appDetect: EmittedFile,
): EmittedFile[] {
  const texts = {
    id: plan.id,
    name: displayName(plan),
    description: deployDescription(plan),
    maximumRuntimeMins: maximumRuntimeMinutes(plan),
  };
  const files = { content: applicationContent(scripts), launcher: scripts.launcher, appDetect };
  return [
    appDetect,
    {
      path: `${deployDir(plan.id)}/${APPLICATION_DESCRIPTOR}`,
      bytes: applicationDescriptor(texts, files),
    },
  ];
}
