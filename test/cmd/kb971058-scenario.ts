// The KB971058 machine the Wine suites start from (kb971058*.wine.test.ts, split so that each
// suite stays short): a Windows Update scan failure with the services running, the BITS queue
// files, netsh, and sc with sdset; the state a first reset leaves; the checks the ladder
// scenarios share.
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Plan } from "../../src/plan/plan.js";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { writeFakeTool } from "../support/wine.js";
import { scFake, simpleFake } from "./fake-tools.js";
import { assertCode, resultLines } from "./scenario.js";

export const ID = "kb971058";
const DOWNLOADER = "ProgramData/Microsoft/Network/Downloader";
export const SERVICES = ["BITS", "wuauserv", "CryptSvc"];
/** Besides the DLLs every simulated Windows has (softpub, wintrust, dssenh, ...). */
const EXTRA_DLLS = ["atl", "wuapi", "qmgr"];
export const BITS_SDDL =
  "D:(A;CI;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCLCSWLOCRRC;;;IU)(A;;CCLCSWLOCRRC;;;SU)";
export const WUAUSERV_SDDL =
  "D:(A;;CCLCSWRPLORC;;;AU)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)";
export const STEP4_FOLDERS = [
  "Windows/SoftwareDistribution/DataStore",
  "Windows/SoftwareDistribution/Download",
  "Windows/System32/catroot2",
];

/** The running services, the BITS queue files, netsh, and a scan failure (record 120). */
export function broken(sim: SimulatedWindows): void {
  for (const name of SERVICES) sim.setService(name, { start: 3, state: 4 });
  sim.write(`${DOWNLOADER}/qmgr0.dat`, 100);
  sim.write(`${DOWNLOADER}/qmgr1.dat`, 100);
  for (const dll of EXTRA_DLLS) sim.write(`Windows/System32/${dll}.dll`, 64);
  for (const folder of STEP4_FOLDERS.slice(0, 2)) sim.write(`${folder}/edb.log`, 64);
  writeFakeTool(sim.system32, "netsh", { exitCode: 0, recordTo: sim.callsLog });
  writeFileSync(
    join(sim.system32, "netsh.fake.cmd"),
    simpleFake(sim.callsLog, sim.db, "netsh") + "\r\n",
  );
  sim.addEvent(25, 120, "0x80244022");
}

/** sc as the simulated Windows has it, plus sdset (exit 0, no effect); sdshow types <name>.sddl. */
export function scWithSdset(sim: SimulatedWindows, bits: string, wuauserv: string): void {
  const body = scFake(sim.callsLog, sim.db).replace(
    'if /i "%VERB%"=="qc" goto qc',
    'if /i "%VERB%"=="sdset" exit /b 0\r\nif /i "%VERB%"=="qc" goto qc',
  );
  writeFileSync(join(sim.system32, "sc.fake.cmd"), body + "\r\n");
  writeFileSync(join(sim.db, "services", "BITS.sddl"), `${bits}\r\n`);
  writeFileSync(join(sim.db, "services", "wuauserv.sddl"), `${wuauserv}\r\n`);
}

export const qmgrFiles = (sim: SimulatedWindows) =>
  ["qmgr0.dat", "qmgr1.dat"].filter((n) => existsSync(join(sim.root, DOWNLOADER, n)));
export const toolCalls = (sim: SimulatedWindows, tool: string) =>
  sim.calls().filter((c) => c.toLowerCase().startsWith(`${tool} `));

export const RUNG2 = ["method", "reset-with-step-4"];
export const ladderFile = (sim: SimulatedWindows) =>
  join(sim.programData, "kbfix", ID, "fix.cmd.ladder");

/** The log of the last run only (the log file keeps every run). */
export function lastRunLog(sim: SimulatedWindows): string {
  const log = sim.logText(ID);
  return log.slice(log.lastIndexOf(`playbook ${ID} (source`));
}

const stateDir = (sim: SimulatedWindows) => join(sim.programData, "kbfix", ID);

/**
 * What a clean first reset leaves in kbfix's state folder (the first scenario checks that a real
 * run leaves exactly this): both event probes at record 120, rung 1 remembered.
 */
export const RUNG_ONE_STATE: Record<string, string> = {
  "fix.cmd.ladder": "reset-without-step-4\r\n",
  "wu-install-failure-event.cmd-state": "120\r\n",
  "wu-scan-or-download-failure-event.cmd-state": "120\r\n",
};

/** The state folder's files and their text, the run lock left out. */
export function rememberedState(sim: SimulatedWindows): Record<string, string> {
  const names = readdirSync(stateDir(sim)).filter((n) => n !== "fix.cmd.lock");
  return Object.fromEntries(
    names.sort().map((n) => [n, readFileSync(join(stateDir(sim), n), "utf8")]),
  );
}

/**
 * RUNG_ONE_STATE written directly, then a new scan failure (record 121): the state after a clean
 * first reset and a failure since, so the ladder scenarios each spend no run on the first rung.
 */
export function rungOneRemembered(sim: SimulatedWindows): void {
  mkdirSync(stateDir(sim), { recursive: true });
  for (const [name, text] of Object.entries(RUNG_ONE_STATE))
    writeFileSync(join(stateDir(sim), name), text);
  sim.addEvent(25, 121, "0x80244022");
}

/** The second run went back to rung 1: it ran again, fixed the problem, rung 2 was not needed. */
export function assertRestartedAtRungOne(
  sim: SimulatedWindows,
  run: { code: number; stdout: string },
) {
  const log = lastRunLog(sim);
  assertCode(run, 3010, log);
  assert.match(resultLines(log, "first-winsock-reset")[0]!, "changed");
  assert.match(resultLines(log, "reset-with-step-4")[0]!, "the evidence was gone");
  assert.equal(toolCalls(sim, "netsh"), ['netsh  "winsock" "reset"']);
}

/** kb971058 with a live probe as well: the BITS queue file qmgr0.dat over 50 bytes. */
export function withQueueFileProbe(plan: Plan): void {
  const detection = plan.detection as unknown as { items: Record<string, unknown>[] };
  const folder = (plan.methods[0]!.steps[0] as unknown as { folder: Record<string, unknown> })
    .folder;
  detection.items.push({
    id: "qmgr-queue-file",
    kind: "file-size",
    span: detection.items[0]!.span,
    fieldSpans: {},
    path: {
      base: folder.base,
      segments: [...(folder.segments as string[]), "qmgr0.dat"],
      text: `${folder.text as string}\\qmgr0.dat`,
    },
    aboveBytes: 50,
  });
}
