// The deployment artifacts against their routes' contracts and DEPLOY_ROUTES limits: what is
// written, what is withheld (and warned about), the exact bytes the Intune body carries, the
// Group Policy files' encoding, the return-code table and the startup-time budget.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { analyzePlaybook } from "../../src/pipeline.js";
import { emitPlaybook } from "../../src/pipeline.js";
import { deployDiagnostics, emitDeployArtifacts } from "../../src/deploy/deploy-artifacts.js";
import { returnCodes } from "../../src/deploy/configmgr-application.js";
import { resealDescriptors } from "../../src/deploy/reseal.js";
import { GPO_SCRIPT_WAIT_SECONDS, worstCaseSeconds } from "../../src/deploy/time-budget.js";
import { REGISTER_WAIT_SECONDS, SERVICE_WAIT_SECONDS } from "../../src/model/runtime-waits.js";
import type { EmittedFile } from "../../src/emit/emitted-file.js";
import { DEPLOY_ROUTES, type DeployRoute } from "../../src/model/deploy-routes.js";
import { EXIT_CODES } from "../../src/model/exit-codes.js";
import type { Plan } from "../../src/plan/plan.js";
import { parsePowerShell } from "../support/powershell-parser.js";

const IDS = ["kb2328240", "kb822798", "kb977203"];
const plans = new Map<string, Plan>(
  IDS.map((id) => [id, analyzePlaybook(`playbooks/${id}.yaml`).plan!]),
);
const compiled = new Map(IDS.map((id) => [id, emitPlaybook(plans.get(id)!)]));

const fileOf = (files: readonly EmittedFile[], path: string) => files.find((f) => f.path === path);
const deployNames = (id: string, files: readonly EmittedFile[]) =>
  files.filter((f) => f.path.startsWith(`${id}/deploy/`)).map((f) => f.path.slice(id.length + 8));

/** Runs body with some routes' limits changed, so both sides of every limit can be tested. */
function withLimits(limits: Record<string, number>, body: () => void): void {
  const saved = DEPLOY_ROUTES.map((r) => r.limitBytes);
  try {
    for (const r of DEPLOY_ROUTES)
      if (r.id in limits) (r as { limitBytes: number }).limitBytes = limits[r.id]!;
    body();
  } finally {
    DEPLOY_ROUTES.forEach(
      (r, i) => ((r as DeployRoute & { limitBytes: number }).limitBytes = saved[i]!),
    );
  }
}

const scriptsOf = (id: string) =>
  compiled.get(id)!.files.filter((f) => /^[^/]+\/[^/]+\.(ps1|cmd)$/.test(f.path));

test("the Intune body: Graph's deviceHealthScript properties, the exact shipped bytes, unsigned", () => {
  for (const id of IDS) {
    const { files } = compiled.get(id)!;
    const body = JSON.parse(
      fileOf(files, `${id}/deploy/intune-remediation.json`)!.bytes.toString("utf8"),
    );
    assert.equal(Object.keys(body), [
      "@odata.type",
      "displayName",
      "description",
      "publisher",
      "runAsAccount",
      "runAs32Bit",
      "enforceSignatureCheck",
      "detectionScriptContent",
      "remediationScriptContent",
    ]);
    assert.is(body["@odata.type"], "#microsoft.graph.deviceHealthScript");
    assert.is(body.runAsAccount, "system");
    assert.is(body.runAs32Bit, false);
    assert.is(body.enforceSignatureCheck, false, "compiled scripts are not signed");
    const detect = Buffer.from(body.detectionScriptContent, "base64");
    const remediation = Buffer.from(body.remediationScriptContent, "base64");
    assert.ok(detect.equals(fileOf(files, `${id}/${id}.detect.ps1`)!.bytes));
    assert.ok(remediation.equals(fileOf(files, `${id}/${id}.ps1`)!.bytes));
    assert.match(body.displayName, new RegExp(`^kbfix ${id}: `));
  }
});

test("every written artifact's scripts fit its route's DEPLOY_ROUTES limit", () => {
  const limit = (id: string) => DEPLOY_ROUTES.find((r) => r.id === id)!.limitBytes;
  for (const id of IDS) {
    const { files } = compiled.get(id)!;
    const names = deployNames(id, files);
    if (names.includes("intune-remediation.json")) {
      assert.ok(fileOf(files, `${id}/${id}.ps1`)!.bytes.length <= limit("intune-remediations"));
      assert.ok(
        fileOf(files, `${id}/${id}.detect.ps1`)!.bytes.length <=
          limit("intune-remediations-detection"),
      );
    }
    const appDetect = fileOf(files, `${id}/deploy/${id}.appdetect.ps1`);
    assert.is(Boolean(appDetect), names.includes("configmgr-application.json"));
    if (appDetect) assert.ok(appDetect.bytes.length <= limit("configmgr-application-detection"));
  }
});

test("over a limit: a warning naming the route and the limit, and that route's files are not written", () => {
  const id = "kb977203";
  withLimits({ "intune-remediations-detection": 1000 }, () => {
    const names = deployNames(id, emitDeployArtifacts(plans.get(id)!, scriptsOf(id)));
    assert.not.ok(names.includes("intune-remediation.json"));
    assert.not.ok(names.includes("New-IntuneRemediation.ps1"));
    const warning = deployDiagnostics(plans.get(id)!, scriptsOf(id)).find((d) =>
      d.message.includes("intune-remediations-detection"),
    )!;
    assert.is(warning.severity, "warning");
    assert.is(warning.code, "deploy-route-size");
    assert.match(
      warning.message,
      /over the 200 KB \(1000 bytes\) limit of route intune-remediations-detection/,
    );
    assert.match(warning.message, /not written/);
  });
});

test("under the limit: the ConfigMgr application is written, and New-CMDeployment.ps1 creates it", async () => {
  let withApplication = "";
  const id = "kb977203";
  withLimits({ "configmgr-application-detection": 10_000_000 }, () => {
    const files = emitDeployArtifacts(plans.get(id)!, scriptsOf(id));
    const names = deployNames(id, files);
    assert.ok(names.includes("configmgr-application.json"));
    assert.ok(names.includes(`${id}.appdetect.ps1`));
    const script = fileOf(files, `${id}/deploy/New-CMDeployment.ps1`)!.bytes.toString("latin1");
    assert.match(script, /Add-CMScriptDeploymentType/);
    withApplication = script;
    const descriptor = JSON.parse(
      fileOf(files, `${id}/deploy/configmgr-application.json`)!.bytes.toString(),
    );
    assert.is(descriptor.deploymentType.installCommand, `${id}.launch.cmd`);
    assert.is(descriptor.deploymentType.detection.scriptFile, `deploy/${id}.appdetect.ps1`);
    assert.ok(
      !deployDiagnostics(plans.get(id)!, scriptsOf(id)).some((d) =>
        d.message.includes("configmgr-application"),
      ),
    );
  });
  const script = fileOf(
    compiled.get(id)!.files,
    `${id}/deploy/New-CMDeployment.ps1`,
  )!.bytes.toString("latin1");
  assert.match(script, /Add-CMScriptDeploymentType/, "today's appdetect fits 32,000 bytes");
  withLimits({ "configmgr-application-detection": 1000 }, () => {
    const files = emitDeployArtifacts(plans.get(id)!, scriptsOf(id));
    assert.not.ok(deployNames(id, files).includes(`${id}.appdetect.ps1`));
    const over = fileOf(files, `${id}/deploy/New-CMDeployment.ps1`)!.bytes.toString("latin1");
    assert.not.match(over, /Add-CMScriptDeploymentType/, "over the limit: no application");
  });
  assert.equal((await parsePowerShell(withApplication)).errors, []);
});

test("return codes: 0 success, 3010 soft reboot, 1641 hard reboot, 1618 fast retry, the rest failure", () => {
  const table = returnCodes();
  assert.equal(
    table.map((r) => r.code).sort((a, b) => a - b),
    [...new Set(EXIT_CODES.map((e) => e.code))].sort((a, b) => a - b),
  );
  const classOf = (code: number) => table.find((r) => r.code === code)!.class;
  assert.is(classOf(0), "Success");
  assert.is(classOf(3010), "SoftReboot");
  assert.is(classOf(1641), "HardReboot");
  assert.is(classOf(1618), "FastRetry");
  for (const r of table.filter((r) => ![0, 3010, 1641, 1618].includes(r.code)))
    assert.is(r.class, "Failure");
});

test("Group Policy ini files: UTF-16LE with BOM, [Startup] 0CmdLine / 0Parameters", () => {
  for (const id of IDS) {
    const { files } = compiled.get(id)!;
    for (const [name, script] of [
      ["psscripts.ini", `${id}.ps1`],
      ["scripts.ini", `${id}.launch.cmd`],
    ]) {
      const bytes = fileOf(files, `${id}/deploy/${name}`)!.bytes;
      assert.equal([...bytes.subarray(0, 2)], [0xff, 0xfe]);
      assert.is(
        bytes.subarray(2).toString("utf16le"),
        `\r\n[Startup]\r\n0CmdLine=${script}\r\n0Parameters=\r\n`,
      );
    }
  }
});

test("the startup-time budget: constants equal the runtime's, and an over-budget playbook warns", () => {
  const runtime = (file: string) => readFileSync(`templates/ps1/runtime/${file}`, "utf8");
  assert.match(
    runtime("services.ps1"),
    new RegExp(`KbServiceTimeoutSeconds = ${SERVICE_WAIT_SECONDS}\\b`),
  );
  assert.match(
    runtime("steps/register-dlls.ps1"),
    new RegExp(`KbRegisterTimeoutSeconds = ${REGISTER_WAIT_SECONDS}\\b`),
  );
  for (const id of IDS) {
    const over = worstCaseSeconds(plans.get(id)!) > GPO_SCRIPT_WAIT_SECONDS;
    const warned = compiled.get(id)!.diagnostics.some((d) => d.code === "deploy-gpo-time-budget");
    assert.is(warned, over, id);
    const readme = fileOf(compiled.get(id)!.files, `${id}/README.md`)!.bytes.toString();
    assert.is(readme.includes("Over budget"), over, id);
  }
  assert.ok(
    worstCaseSeconds(plans.get("kb822798")!) > GPO_SCRIPT_WAIT_SECONDS,
    "kb822798 registers 10 DLLs",
  );
});

test("descriptors regenerate to the same bytes from the same scripts", () => {
  for (const id of IDS) {
    const { files } = compiled.get(id)!;
    const read = (path: string) => fileOf(files, `${id}/${path}`)?.bytes;
    const resealed = resealDescriptors(id, read);
    assert.ok(resealed.length >= 2);
    for (const r of resealed) assert.ok(r.bytes.equals(read(r.path)!), r.path);
  }
});

test("descriptors are 7-bit ASCII JSON; admin scripts carry the provenance header", () => {
  for (const id of IDS) {
    for (const f of compiled.get(id)!.files.filter((f) => f.path.includes("/deploy/"))) {
      if (f.path.endsWith(".json"))
        assert.ok(/^[\x20-\x7e\n]*$/.test(f.bytes.toString("latin1")), f.path);
      if (/New-.*\.ps1$/.test(f.path))
        assert.match(f.bytes.toString("latin1"), /^# Generated by .kbfix. /);
    }
  }
});

test.run();
