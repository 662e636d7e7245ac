// The administrators' scripts run in PowerShell 7.6.9 against recording stand-ins for the
// ConfigMgr and Microsoft Graph cmdlets. The stand-ins declare the parameters the vendors
// document, so an unknown parameter fails; what they receive is what is asserted.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { copyFileSync, mkdirSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { analyzePlaybook } from "../../src/pipeline.js";
import { compilePlan } from "../../src/pipeline.js";
import { displayName } from "../../src/deploy/describe-playbook.js";
import type { EmittedFile } from "../../src/emit/emitted-file.js";
import { psString } from "../../src/emit/quote-ps.js";
import { DEPLOY_ROUTES } from "../../src/model/deploy-routes.js";
import { pwshTest as run } from "../ps/pwsh-gate.js";
import { runPwshCommand } from "../support/run-pwsh.js";
import { tempDir } from "../support/temp-dir.js";

const ID = "kb977203";
const plan = analyzePlaybook(`playbooks/${ID}.yaml`).plan!;

/** The compiled folder, with the ConfigMgr application detection limit lifted or as it is. */
function compiledFolder(withApplication: boolean): string {
  const route = DEPLOY_ROUTES.find((r) => r.id === "configmgr-application-detection")! as {
    limitBytes: number;
  };
  const saved = route.limitBytes;
  let files: EmittedFile[];
  try {
    // Today every application detection fits; a tiny limit stands in for one that does not.
    if (!withApplication) route.limitBytes = 1000;
    files = compilePlan(plan);
  } finally {
    route.limitBytes = saved;
  }
  const root = tempDir("kbfix-admin-");
  for (const f of files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.bytes);
  }
  return join(root, ID);
}

const STAND_INS = String.raw`
$global:KbCalls = New-Object System.Collections.Generic.List[object]
function global:Save-KbCall {
    param([string]$Command, [System.Collections.IDictionary]$Bound)
    $parameters = [ordered]@{}
    foreach ($key in $Bound.Keys) {
        $value = $Bound[$key]
        if ($value -is [System.Management.Automation.SwitchParameter]) { $value = [bool]$value }
        elseif ($key -eq 'InputObject') { $value = [string]$value.Kind }
        $parameters[$key] = $value
    }
    $global:KbCalls.Add([pscustomobject]@{ command = $Command; parameters = $parameters })
}
function global:New-CMApplication { param([string]$Name, [string]$Description, [string]$Publisher, [string]$SoftwareVersion)
    Save-KbCall 'New-CMApplication' $PSBoundParameters; [pscustomobject]@{ Kind = 'application' } }
function global:Add-CMScriptDeploymentType { param([string]$ApplicationName, [string]$DeploymentTypeName,
    [string]$ContentLocation, [string]$InstallCommand, [string]$ScriptLanguage, [string]$ScriptFile,
    [string]$ScriptText, [string]$InstallationBehaviorType, [string]$LogonRequirementType,
    [string]$UserInteractionMode, [string]$RebootBehavior, [int]$MaximumRuntimeMins,
    [int]$EstimatedRuntimeMins, [switch]$Force32Bit, [switch]$ForceScriptDetection32Bit)
    Save-KbCall 'Add-CMScriptDeploymentType' $PSBoundParameters; [pscustomobject]@{ Kind = 'deployment type' } }
function global:Get-CMDeploymentType { param([string]$ApplicationName, [string]$DeploymentTypeName)
    Save-KbCall 'Get-CMDeploymentType' $PSBoundParameters; [pscustomobject]@{ Kind = 'deployment type' } }
function global:Add-CMDeploymentTypeReturnCode { param([object]$InputObject, [int]$ReturnCode, [string]$CodeType, [string]$Name, [string]$Description)
    Save-KbCall 'Add-CMDeploymentTypeReturnCode' $PSBoundParameters
    if ($ReturnCode -eq 0) { throw 'return code 0 already exists' } }
function global:New-CMConfigurationItem { param([string]$Name, [string]$Description, [string]$CreationType)
    Save-KbCall 'New-CMConfigurationItem' $PSBoundParameters; [pscustomobject]@{ Kind = 'configuration item' } }
function global:Add-CMComplianceSettingScript { param([object]$InputObject, [string]$Name, [string]$DataType,
    [switch]$Is64Bit, [switch]$IsPerUser, [string]$DiscoveryScriptLanguage, [string]$DiscoveryScriptFile,
    [string]$RemediationScriptLanguage, [string]$RemediationScriptFile, [switch]$ValueRule, [string]$RuleName,
    [string]$ExpressionOperator, [string[]]$ExpectedValue, [switch]$Remediate, [switch]$ReportNoncompliance,
    [string]$NoncomplianceSeverity, [string]$Description)
    Save-KbCall 'Add-CMComplianceSettingScript' $PSBoundParameters }
function global:Connect-MgGraph { param([string[]]$Scopes)
    Save-KbCall 'Connect-MgGraph' $PSBoundParameters }
function global:Invoke-MgGraphRequest { param([string]$Method, [string]$Uri, [object]$Body, [string]$ContentType)
    Save-KbCall 'Invoke-MgGraphRequest' $PSBoundParameters; @{ id = 'new-id' } }
`;

interface Call {
  command: string;
  parameters: Record<string, unknown>;
}

function runAdmin(
  script: string,
  args = "",
): { code: number; calls: Call[]; stdout: string; stderr: string } {
  const command = [
    STAND_INS,
    "$kbfixOk = $true",
    `try { & ${psString(script)} ${args} } catch { $kbfixOk = $false; [Console]::Error.WriteLine($_.Exception.Message) }`,
    "'KBFIX-CALLS ' + (ConvertTo-Json -InputObject @($global:KbCalls.ToArray()) -Depth 6 -Compress)",
    "if (-not $kbfixOk) { exit 3 }",
  ].join("\n");
  const r = runPwshCommand(command);
  const line = r.stdout.split(/\r?\n/).find((l) => l.startsWith("KBFIX-CALLS "))!;
  return { code: r.code, calls: JSON.parse(line.slice(12)), stdout: r.stdout, stderr: r.stderr };
}

const callsTo = (calls: Call[], command: string) => calls.filter((c) => c.command === command);

/** A stand-in for the content share, holding copies of the listed content files. */
function contentShare(folder: string): string {
  const share = tempDir("kbfix-share-");
  const descriptor = JSON.parse(
    readFileSync(join(folder, "deploy", "configmgr-application.json"), "utf8"),
  ) as { deploymentType: { contentFiles: { path: string }[] } };
  for (const file of descriptor.deploymentType.contentFiles)
    copyFileSync(join(folder, file.path), join(share, file.path));
  return share;
}

run(
  "New-CMDeployment.ps1: application, script deployment type, return codes and configuration item",
  () => {
    const folder = compiledFolder(true);
    const share = contentShare(folder);
    const { code, calls, stderr } = runAdmin(
      join(folder, "deploy", "New-CMDeployment.ps1"),
      `-ContentLocation ${psString(share)}`,
    );
    assert.is(code, 0, stderr);
    assert.equal(callsTo(calls, "New-CMApplication")[0]!.parameters.Name, displayName(plan));
    const type = callsTo(calls, "Add-CMScriptDeploymentType")[0]!.parameters;
    assert.is(type.ApplicationName, displayName(plan));
    assert.is(type.ContentLocation, share);
    assert.is(type.InstallCommand, `${ID}.launch.cmd`);
    assert.is(type.ScriptLanguage, "PowerShell");
    assert.ok(String(type.ScriptFile).endsWith(join("deploy", `${ID}.appdetect.ps1`)));
    assert.is(type.InstallationBehaviorType, "InstallForSystem");
    assert.is(type.LogonRequirementType, "WhetherOrNotUserLoggedOn");
    assert.is(type.UserInteractionMode, "Hidden");
    assert.is(type.RebootBehavior, "BasedOnExitCode");
    assert.ok(Number(type.MaximumRuntimeMins) >= 15);
    assert.is(type.ForceScriptDetection32Bit, false, "detection runs 64-bit, said explicitly");
    const codes = Object.fromEntries(
      callsTo(calls, "Add-CMDeploymentTypeReturnCode").map((c) => [
        c.parameters.ReturnCode,
        c.parameters.CodeType,
      ]),
    );
    assert.equal(codes, {
      0: "Success",
      1: "Failure",
      2: "Failure",
      3: "Failure",
      4: "Failure",
      5: "Failure",
      6: "Failure",
      1618: "FastRetry",
      1641: "HardReboot",
      3010: "SoftReboot",
    });
    assert.is(callsTo(calls, "New-CMConfigurationItem")[0]!.parameters.CreationType, "WindowsOS");
    const setting = callsTo(calls, "Add-CMComplianceSettingScript")[0]!.parameters;
    assert.is(setting.InputObject, "configuration item");
    assert.is(setting.DataType, "String");
    assert.is(setting.Is64Bit, true);
    assert.ok(String(setting.DiscoveryScriptFile).endsWith(`${ID}.discovery.ps1`));
    assert.ok(String(setting.RemediationScriptFile).endsWith(`${ID}.ps1`));
    assert.is(setting.ExpressionOperator, "IsEquals");
    assert.equal(setting.ExpectedValue, ["Compliant"]);
    assert.is(setting.ValueRule, true);
    assert.is(setting.Remediate, true);
  },
);

run(
  "New-CMDeployment.ps1 refuses a changed script and a missing -ContentLocation, before creating anything",
  () => {
    const folder = compiledFolder(true);
    const share = contentShare(folder);
    const missing = runAdmin(join(folder, "deploy", "New-CMDeployment.ps1"));
    assert.is(missing.code, 3);
    assert.equal(missing.calls, []);
    const launcher = join(folder, `${ID}.launch.cmd`);
    writeFileSync(launcher, readFileSync(launcher, "latin1") + "rem changed\r\n");
    const changed = runAdmin(
      join(folder, "deploy", "New-CMDeployment.ps1"),
      `-ContentLocation ${psString(share)}`,
    );
    assert.is(changed.code, 3);
    assert.match(changed.stderr, /launch\.cmd: SHA-256 .* recompile or re-sign/);
    assert.equal(changed.calls, []);
  },
);

run(
  "New-CMDeployment.ps1 refuses a stale or missing copy in the content share, before creating anything",
  () => {
    const folder = compiledFolder(true);
    const script = join(folder, "deploy", "New-CMDeployment.ps1");
    const stale = contentShare(folder);
    writeFileSync(
      join(stale, `${ID}.ps1`),
      readFileSync(join(stale, `${ID}.ps1`), "latin1") + "#\r\n",
    );
    const changed = runAdmin(script, `-ContentLocation ${psString(stale)}`);
    assert.is(changed.code, 3);
    assert.match(changed.stderr, new RegExp(`${ID}\\.ps1: SHA-256 .* copy the reviewed file`));
    assert.equal(changed.calls, []);
    const partial = contentShare(folder);
    rmSync(join(partial, `${ID}.fix.cmd`));
    const missing = runAdmin(script, `-ContentLocation ${psString(partial)}`);
    assert.is(missing.code, 3);
    assert.match(
      missing.stderr,
      new RegExp(`${ID}\\.fix\\.cmd: not found; copy the reviewed file`),
    );
    assert.equal(missing.calls, []);
  },
);

run(
  "New-CMDeployment.ps1 with the detection over its limit: no application, the configuration item only",
  () => {
    const { code, calls, stderr } = runAdmin(
      join(compiledFolder(false), "deploy", "New-CMDeployment.ps1"),
    );
    assert.is(code, 0, stderr);
    assert.equal(callsTo(calls, "New-CMApplication"), []);
    assert.is(callsTo(calls, "Add-CMComplianceSettingScript").length, 1);
  },
);

run("New-IntuneRemediation.ps1 posts the body file unchanged, with the caller's sign-in", () => {
  const folder = compiledFolder(false);
  const script = join(folder, "deploy", "New-IntuneRemediation.ps1");
  const { code, calls, stdout, stderr } = runAdmin(script);
  assert.is(code, 0, stderr);
  assert.equal(callsTo(calls, "Connect-MgGraph")[0]!.parameters.Scopes, [
    "DeviceManagementScripts.ReadWrite.All",
  ]);
  const post = callsTo(calls, "Invoke-MgGraphRequest")[0]!.parameters;
  assert.is(post.Method, "POST");
  assert.is(post.Uri, "https://graph.microsoft.com/beta/deviceManagement/deviceHealthScripts");
  assert.is(post.ContentType, "application/json");
  assert.is(post.Body, readFileSync(join(folder, "deploy", "intune-remediation.json"), "utf8"));
  assert.match(stdout, /with id new-id/);
  const again = runAdmin(script, "-NoConnect");
  assert.equal(callsTo(again.calls, "Connect-MgGraph"), []);
});

test.run();
