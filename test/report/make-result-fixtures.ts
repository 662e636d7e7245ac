// Regenerates test/fixtures/results/: genuine result files, written by the committed scripts
// in out/ running on the simulated Windows. Run after a runtime change:
//   npm run build && node dist/test/report/make-result-fixtures.js
// Each scenario runs on a machine of its own name; a machine that runs twice leaves two
// result files for the same playbook, so the roll-up has a real duplicate to resolve.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/pwsh.js";
import type { PsMachine } from "../support/simulated-windows-ps.js";
import * as kb822798 from "../ps/scenarios/kb822798-machine.js";
import * as kb977203 from "../ps/scenarios/kb977203-machine.js";
import { onMachine, remediation } from "../ps/scenarios/scenario.js";

const FOLDER = join(repoRoot, "test", "fixtures", "results");
const LOG_FOLDER = "C:\\Windows\\Logs\\kbfix";

interface Scenario {
  computer: string;
  id: string;
  build: () => PsMachine;
  /** One entry per run; every run's result file is kept. */
  runs: Record<string, unknown>[];
  /** Changes between runs, by run index (before that run). */
  between?: Record<number, (machine: PsMachine) => void>;
}

const k = kb822798;
const c = kb977203;
const SCENARIOS: Scenario[] = [
  { computer: "WS-0001", id: k.ID, build: () => k.broken(), runs: [{}] },
  { computer: "WS-0002", id: k.ID, build: () => k.broken(), runs: [{}] },
  { computer: "WS-0003", id: k.ID, build: () => k.healthy(), runs: [{}] },
  {
    // Fixed by method 1, then a new trust error: the second run escalates to the DLLs (3010).
    computer: "WS-0004",
    id: k.ID,
    build: () => k.broken(),
    runs: [{}, {}],
    between: { 1: (m) => k.appendTrustError(m) },
  },
  {
    computer: "WS-0005",
    id: k.ID,
    build: () => {
      const m = k.broken();
      m.world.services.CryptSvc.fail = ["config"];
      return m;
    },
    runs: [{}],
  },
  { computer: "WS-0006", id: k.ID, build: () => k.broken(), runs: [{ WhatIf: true }] },
  {
    computer: "WS-0007",
    id: k.ID,
    build: () => k.broken({ account: "user" }),
    runs: [{}],
  },
  { computer: "SRV-0100", id: c.ID, build: () => c.broken(), runs: [c.PARAMS] },
  { computer: "SRV-0101", id: c.ID, build: () => c.client("4.00.6487.2000"), runs: [c.PARAMS] },
  {
    computer: "SRV-0102",
    id: c.ID,
    build: () => {
      const m = c.broken();
      m.program(`${c.TOOLS}\\CCMCertFix.exe`, { exitCodes: [1] });
      return m;
    },
    runs: [c.PARAMS],
  },
  { computer: "SRV-0103", id: c.ID, build: () => c.broken(), runs: [{}] },
];

async function runScenario(scenario: Scenario): Promise<void> {
  const build = () => {
    const machine = scenario.build();
    machine.world.os.machineName = scenario.computer;
    return machine;
  };
  await onMachine(build, async (machine) => {
    for (const [index, params] of scenario.runs.entries()) {
      scenario.between?.[index]?.(machine);
      const run = await machine.run(remediation(scenario.id), params);
      const text = machine.read(`${LOG_FOLDER}\\${scenario.id}.result.json`);
      const name = `${scenario.computer}.run${index + 1}.${scenario.id}.result.json`;
      writeFileSync(join(FOLDER, name), text);
      console.log(`${name}: ${run.recap}`);
    }
  });
}

rmSync(FOLDER, { recursive: true, force: true });
mkdirSync(FOLDER, { recursive: true });
for (const scenario of SCENARIOS) await runScenario(scenario);
