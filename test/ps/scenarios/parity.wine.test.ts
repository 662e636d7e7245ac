// Parity: where both targets express a playbook, the .ps1 (PowerShell on the simulated
// Windows) and the .fix.cmd (Wine's cmd on its simulated Windows) given the same broken machine
// end with the same exit code and change the same step ids. The two machines are built to match:
// the same profiles (Wine's own user included), caches, events and service states.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { compileTo } from "../../cmd/compile-fixture.js";
import { kb822798ForWine } from "../../cmd/variants.js";
import { wineTest } from "../../cmd/wine-gate.js";
import { SimulatedWindows } from "../../support/simulated-windows-cmd.js";
import { PsMachine } from "../../support/simulated-windows-ps.js";
import { pwshTest } from "../pwsh-gate.js";
import { healthy } from "./kb822798-machine.js";
import { client, PARAMS as KB977203_PARAMS } from "./kb977203-machine.js";
import { toWinPath } from "../../support/wine.js";
import { resultOf } from "./scenario.js";
import {
  ALICE,
  BOB,
  compileHkcuPlaybook,
  HKCU_ID,
  HKCU_STEPS,
  hkcuMachine,
  prepareHkcuWine,
  WINE_USER,
} from "./hkcu-playbook.js";

const run = pwshTest === test && wineTest === test ? test : test.skip;
const USER_SID = `S-1-5-21-4242-${process.pid}-7-1001`;
const WINE_SID = "S-1-5-21-0-0-0-1000"; // the profile every Wine prefix has
const AUTHROOT =
  "http://www.download.windowsupdate.com/msdownload/update/v3/static/trustedr/en/authrootstl.cab";
const CACHE = "AppData\\LocalLow\\Microsoft\\CryptnetUrlCache";
const SMS_CLIENT = "HKLM\\SOFTWARE\\Microsoft\\SMS\\Mobile Client";

interface Outcome {
  code: number;
  changed: string[];
}

/** Runs the batch script under Wine; `setup` breaks the machine. */
function batch(
  id: string,
  setup: (sim: SimulatedWindows) => string[] | void,
  variant?: Parameters<typeof compileTo>[2],
): Outcome {
  const sim = new SimulatedWindows();
  try {
    const { fix } = compileTo(join(sim.root, "out"), id, variant);
    const args = setup(sim) ?? [];
    const ran = sim.run(fix, args);
    const changed = sim
      .logText(id)
      .split("\r\n")
      .map((line) => /\[([^\]]+)\] changed/.exec(line)?.[1])
      .filter((stepId): stepId is string => stepId !== undefined);
    return { code: ran.code, changed: changed.sort() };
  } finally {
    sim.cleanup();
  }
}

/** Runs the .ps1 compiled from the same plan on a matching simulated Windows. */
async function powershell(
  id: string,
  machine: PsMachine,
  variant?: Parameters<typeof compileTo>[2],
  params: Record<string, unknown> = {},
): Promise<Outcome> {
  try {
    compileTo(join(machine.root, "out"), id, variant);
    const ran = await machine.run(join(machine.root, "out", id, `${id}.ps1`), params);
    const changed = resultOf(machine, id)
      .results.filter((r) => r.status === "changed")
      .map((r) => r.id);
    return { code: ran.code, changed: changed.sort() };
  } finally {
    machine.cleanup();
  }
}

function cacheMachine(): PsMachine {
  const machine = new PsMachine();
  machine.profileList(USER_SID, "C:\\Users\\alice");
  machine.profileList(WINE_SID, "C:\\users\\root");
  machine.folder("C:\\users\\root");
  for (const profile of [
    "C:\\Users\\alice",
    "C:\\Windows\\System32\\config\\systemprofile",
    "C:\\Windows\\ServiceProfiles\\LocalService",
    "C:\\Windows\\ServiceProfiles\\NetworkService",
  ]) {
    for (const folder of ["Content", "MetaData"])
      machine.file(`${profile}\\${CACHE}\\${folder}\\7396C420A8E1BC1DA97F1AF0D10BAD21`, 32);
  }
  machine.event({
    log: "Application",
    provider: "Microsoft-Windows-CAPI2",
    id: 4107,
    level: 2,
    data: [AUTHROOT],
  });
  return machine;
}

run("kb2328240: same exit code, same changed step ids in both targets", async () => {
  const cmd = batch("kb2328240", (sim) => {
    sim.addEvent(4107, 120, AUTHROOT);
    sim.addUserProfile(USER_SID, "alice");
  });
  const ps = await powershell("kb2328240", cacheMachine());
  assert.equal(ps, cmd);
  assert.ok(cmd.changed.includes(`clear-cryptnet-content@${USER_SID}`));
  assert.ok(cmd.changed.includes("clear-cryptnet-metadata@LocalSystem"));
});

run(
  "kb822798 (the Wine variant): CryptSvc disabled -> same exit code, same changed step ids",
  async () => {
    const cmd = batch(
      "kb822798",
      (sim) => sim.setService("CryptSvc", { start: 4, state: 1 }),
      kb822798ForWine,
    );
    const machine = healthy();
    machine.service("CryptSvc", { status: "Stopped", start: 4 });
    const ps = await powershell("kb822798", machine, kb822798ForWine);
    assert.equal(ps, cmd);
    assert.equal(cmd.changed, ["cryptsvc-automatic-running"]);
  },
);

run("HKCU values per profile: same exit code, same changed step ids in both targets", async () => {
  const out = compileHkcuPlaybook(["ps1", "cmd"], HKCU_STEPS.slice(0, 1));
  try {
    const sim = new SimulatedWindows();
    let cmd: Outcome;
    try {
      prepareHkcuWine(sim);
      const ran = sim.run(join(out, HKCU_ID, `${HKCU_ID}.fix.cmd`));
      const changed = sim
        .logText(HKCU_ID)
        .split("\r\n")
        .map((line) => /\[([^\]]+)\] changed/.exec(line)?.[1])
        .filter((stepId): stepId is string => stepId !== undefined);
      cmd = { code: ran.code, changed: changed.sort() };
    } finally {
      sim.cleanup();
    }
    const machine = hkcuMachine(true);
    let ps: Outcome;
    try {
      const ran = await machine.run(join(out, HKCU_ID, `${HKCU_ID}.ps1`));
      const changed = resultOf(machine, HKCU_ID)
        .results.filter((r) => r.status === "changed")
        .map((r) => r.id);
      ps = { code: ran.code, changed: changed.sort() };
    } finally {
      machine.cleanup();
    }
    assert.equal(ps, cmd);
    for (const sid of [ALICE, BOB, WINE_USER])
      assert.ok(cmd.changed.includes(`hk-proxy@${sid}`), `${sid}: ${cmd.changed.join(", ")}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

run(
  "kb977203 check mode, an unpatched SP1 client: the same exit code as -WhatIf, nothing changed",
  async () => {
    const cmd = batch("kb977203", (sim) => {
      sim.ownKey("HKLM\\SOFTWARE\\Microsoft\\SMS");
      sim.setRegistryValue(SMS_CLIENT, "ProductVersion", "REG_SZ", "4.00.6221.1000");
      return ["check", "CcmCertFixFolder", toWinPath(sim.tools)];
    });
    const ps = await powershell("kb977203", client("4.00.6221.1000"), undefined, {
      ...KB977203_PARAMS,
      WhatIf: true,
    });
    assert.equal(ps.code, cmd.code);
  },
);

test.run();
