// The detection script built for ConfigMgr's contracts, run on the simulated Windows
// (KB977203's machines): application detection reports "installed" only as one stdout line
// and never exits non-zero or writes an error; configuration item discovery prints Compliant or
// NonCompliant. And on a machine with the Intune Management Extension but no ConfigMgr client,
// the log and result land in the folder Intune's "Collect diagnostics" uploads.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzePlaybook } from "../../../src/pipeline.js";
import { compilePlan } from "../../../src/pipeline.js";
import { appDetectScript, detectVariant } from "../../../src/deploy/detect-variants.js";
import { pwshTest as run } from "../pwsh-gate.js";
import { broken, client, ID, PARAMS } from "./kb977203-machine.js";
import {
  assertCmtraceLog,
  detection,
  logOf,
  onMachine,
  remediation,
  resultOf,
} from "./scenario.js";
import { tempDir } from "../../support/temp-dir.js";

const plan = analyzePlaybook(`playbooks/${ID}.yaml`).plan!;
const detectFile = compilePlan(plan).find((f) => f.path === `${ID}/${ID}.detect.ps1`)!;
const folder = tempDir("kbfix-contracts-");

type Contract = "ConfigMgrApplication" | "ConfigMgrSetting";

function variantFile(contract: Contract, suffix = "", inject = ""): string {
  const variant =
    contract === "ConfigMgrApplication"
      ? appDetectScript(plan)
      : detectVariant(ID, detectFile, contract);
  const text = variant.bytes.toString("latin1");
  const path = join(folder, `${ID}.${contract}${suffix}.ps1`);
  writeFileSync(
    path,
    inject ? text.replace("# ==== Start ====", `${inject}\r\n# ==== Start ====`) : text,
  );
  return path;
}

/** ConfigMgr passes no parameters to a detection script, and the application detection takes none. */
const NONE = {};
const appDetect = variantFile("ConfigMgrApplication");
const discovery = variantFile("ConfigMgrSetting");
// An internal error: the evidence itself cannot be gathered.
const FAIL = "function Invoke-KbDetection { throw 'simulated internal failure' }";
const appDetectFailing = variantFile("ConfigMgrApplication", "-failing", FAIL);
const discoveryFailing = variantFile("ConfigMgrSetting", "-failing", FAIL);

run("application detection: broken -> exit 0 and nothing; fixed -> exit 0 and one line", () =>
  onMachine(broken, async (machine) => {
    const [before, setting, fix, after, settingAfter] = await machine.runAll([
      { script: appDetect, params: NONE },
      { script: discovery, params: PARAMS },
      { script: remediation(ID), params: PARAMS },
      { script: appDetect, params: NONE },
      { script: discovery, params: PARAMS },
    ]);
    assert.is(before!.code, 0);
    assert.equal(before!.stdout, [], "not installed: nothing on stdout");
    assert.equal(before!.errors, []);
    assert.equal(setting!.stdout, ["NonCompliant"]);
    assert.is(setting!.code, 0);
    assert.is(fix!.code, 0, fix!.recap);
    assert.is(after!.code, 0);
    assert.equal(after!.errors, []);
    assert.is(after!.stdout.length, 1, "installed: exactly one line");
    assert.match(after!.stdout[0]!, new RegExp(`^kbfix ${ID}: no current evidence`));
    assert.equal(settingAfter!.stdout, ["Compliant"]);
    assert.equal(settingAfter!.errors, []);
  }),
);

run("not applicable counts as installed / Compliant: nothing to do there", () =>
  onMachine(
    () => client("5.00.8968.1000"),
    async (machine) => {
      const [app, setting] = await machine.runAll([
        { script: appDetect, params: NONE },
        { script: discovery, params: PARAMS },
      ]);
      assert.is(app!.code, 0);
      assert.is(app!.stdout.length, 1);
      assert.match(app!.stdout[0]!, /not applicable/);
      assert.equal(setting!.stdout, ["Compliant"]);
    },
  ),
);

run(
  "an internal error: exit 0, nothing on stdout or stderr (application); NonCompliant (setting)",
  () =>
    onMachine(broken, async (machine) => {
      const [app, setting, intune] = await machine.runAll([
        { script: appDetectFailing, params: NONE },
        { script: discoveryFailing, params: PARAMS },
        { script: detection(ID), params: PARAMS },
      ]);
      assert.is(app!.code, 0);
      assert.equal(app!.stdout, []);
      assert.equal(app!.errors, []);
      assert.equal(setting!.stdout, ["NonCompliant"]);
      assert.equal(setting!.errors, []);
      assert.is(intune!.code, 1, "the Intune contract is unchanged");
      const log = logOf(machine, ID);
      assert.match(log, /detection error: simulated internal failure/);
    }),
);

run(
  "application detection in a 32-bit host on 64-bit Windows: exit 1, no answer, no relaunch",
  () =>
    onMachine(
      () => broken({ wow64: true }),
      async (machine) => {
        const app = await machine.run(appDetect, NONE);
        assert.is(app.code, 1, "a detection failure, never 'installed' or 'not installed'");
        assert.equal(app.stdout, []);
        assert.equal(app.errors, []);
        assert.equal(machine.calls(), [], "no relaunch, nothing started");
        const fix = await machine.run(remediation(ID), PARAMS);
        assert.is(fix.code, 0, fix.recap);
        const after = await machine.run(appDetect, NONE);
        assert.is(after.code, 1, "still no answer after the fix");
        assert.equal(after.stdout, []);
      },
    ),
);

run("application detection writes no log, whatever it answers", () =>
  onMachine(
    () => broken().folder("C:\\Windows\\CCM\\Logs"),
    async (machine) => {
      const [app, failing] = await machine.runAll([
        { script: appDetect, params: NONE },
        { script: appDetectFailing, params: NONE },
      ]);
      assert.is(app!.code, 0);
      assert.is(failing!.code, 0);
      for (const folder of ["C:\\Windows\\CCM\\Logs", "C:\\Windows\\Logs\\kbfix"])
        assert.not.ok(machine.exists(`${folder}\\${ID}.log`), folder);
    },
  ),
);

const IME = "C:\\ProgramData\\Microsoft\\IntuneManagementExtension";

run("Intune Management Extension, no ConfigMgr client: log and result in its Logs folder", () =>
  onMachine(
    () => broken().folder(`${IME}\\Logs`),
    async (machine) => {
      const fix = await machine.run(remediation(ID), PARAMS);
      assert.is(fix.code, 0, fix.recap);
      const logs = `${IME}\\Logs`;
      assertCmtraceLog(logOf(machine, ID, logs));
      assert.is(resultOf(machine, ID, logs).exitCode, 0);
      assert.not.ok(machine.exists(`C:\\Windows\\Logs\\kbfix\\${ID}.log`));
    },
  ),
);

run("a ConfigMgr client as well: %windir%\\CCM\\Logs still wins", () =>
  onMachine(
    () => broken().folder(`${IME}\\Logs`).folder("C:\\Windows\\CCM\\Logs"),
    async (machine) => {
      await machine.run(remediation(ID), PARAMS);
      assert.ok(machine.exists(`C:\\Windows\\CCM\\Logs\\${ID}.log`));
      assert.not.ok(machine.exists(`${IME}\\Logs\\${ID}.log`));
    },
  ),
);

run("neither: %windir%\\Logs\\kbfix as before", () =>
  onMachine(broken, async (machine) => {
    await machine.run(detection(ID), PARAMS);
    assert.ok(machine.exists(`C:\\Windows\\Logs\\kbfix\\${ID}.log`));
  }),
);

test.run();
