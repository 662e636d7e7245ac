// ConfigMgr configuration item: a script setting whose discovery script prints Compliant or
// NonCompliant, a value rule "Equals Compliant", and the remediation as its remediation script.
import { sha256Hex, type EmittedFile } from "../emit/emitted-file.js";
import { deployDir, fileName, type DeployInput } from "./deploy-input.js";
import { deployDescription, displayName } from "./describe-playbook.js";
import { jsonBytes } from "./json-text.js";

export const CI_DESCRIPTOR = "configmgr-configuration-item.json";
export const COMPLIANT_VALUE = "Compliant";

export function emitConfigurationItem(
  { plan, scripts }: DeployInput,
  discovery: EmittedFile,
): EmittedFile[] {
  const descriptor = {
    configurationItem: {
      name: displayName(plan),
      description: deployDescription(plan),
      creationType: "WindowsOS",
    },
    setting: {
      name: `${plan.id} evidence`,
      dataType: "String",
      is64Bit: true,
      discoveryScript: {
        language: "PowerShell",
        file: `deploy/${fileName(discovery)}`,
        sha256: sha256Hex(discovery.bytes),
        prints: "Compliant (no evidence of the problem, or not applicable) or NonCompliant",
      },
      remediationScript: {
        language: "PowerShell",
        file: fileName(scripts.remediation),
        sha256: sha256Hex(scripts.remediation.bytes),
      },
    },
    rule: {
      name: `${plan.id} is Compliant`,
      operator: "IsEquals",
      expectedValue: COMPLIANT_VALUE,
      remediate: true,
      reportNoncompliance: true,
      noncomplianceSeverity: "Warning",
    },
  };
  return [
    discovery,
    { path: `${deployDir(plan.id)}/${CI_DESCRIPTOR}`, bytes: jsonBytes(descriptor) },
  ];
}
