// The event probe on the simulated Windows with several data tokens (any / all) on the Windows
// Update client's own log, Microsoft-Windows-WindowsUpdateClient/Operational, the source to use
// on NT 10.0 and later instead of WindowsUpdate.log (docs/kb-facts.md#windows-update-log).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeBytes, compilePlan } from "../../../src/pipeline.js";
import { PsMachine } from "../../support/simulated-windows-ps.js";
import { pwshTest as run } from "../pwsh-gate.js";
import { onMachine } from "./scenario.js";

const LOG = "Microsoft-Windows-WindowsUpdateClient/Operational";
const PROVIDER = "Microsoft-Windows-WindowsUpdateClient";

function compileDetection(id: string, match: "any" | "all"): string {
  const yaml = `schemaVersion: 1
id: ${id}
title: Windows Update trust failures
kb: [${id.slice(2)}]
source:
  url: https://support.microsoft.com/kb/${id.slice(2)}
  revision: "1.0"
summary: For tests.
targets: [ps1]
detection:
  any:
    - id: wu-install-failed
      kind: event
      log: ${LOG}
      provider: ${PROVIDER}
      ids: [20, 25, 31]
      level: error
      dataContains: ['0x800B0109', 'KB5034441']
      dataMatch: ${match}
strategy: escalate
methods:
  - id: m1
    kbMethod: 1
    title: Look
    risk: low
    reboot: none
    steps:
      - { id: look, kind: manual, text: Look at the update history. }
`;
  const analysis = analyzeBytes(`${id}.yaml`, Buffer.from(yaml, "utf8"));
  if (!analysis.plan) throw new Error(JSON.stringify(analysis.diagnostics));
  const out = mkdtempSync(join(tmpdir(), `kbfix-${id}-`));
  for (const file of compilePlan(analysis.plan)) {
    mkdirSync(join(out, file.path, ".."), { recursive: true });
    writeFileSync(join(out, file.path), file.bytes);
  }
  return join(out, id, `${id}.detect.ps1`);
}

const anyScript = compileDetection("kb100011", "any");
const allScript = compileDetection("kb100012", "all");

/** One failed install event (ID 20) whose data holds `data`. */
function withEvent(...data: string[]): () => PsMachine {
  return () => new PsMachine().event({ log: LOG, provider: PROVIDER, id: 20, level: 2, data });
}

run("any: one of the tokens in the event's data is evidence", () =>
  onMachine(withEvent("0x800B0109", "Security Update"), async (machine) => {
    const [any, all] = await machine.runAll([{ script: anyScript }, { script: allScript }]);
    assert.is(any!.code, 1, any!.recap);
    assert.is(all!.code, 0, `all needs both tokens: ${all!.recap}`);
  }),
);

run("all: both tokens in the same event's data are evidence", () =>
  onMachine(withEvent("0x800B0109", "2024-01 Update (KB5034441)"), async (machine) => {
    const [any, all] = await machine.runAll([{ script: anyScript }, { script: allScript }]);
    assert.is(any!.code, 1, any!.recap);
    assert.is(all!.code, 1, all!.recap);
  }),
);

run("all: the tokens spread over two events are not one event with both", () =>
  onMachine(
    () =>
      withEvent("0x800B0109")().event({
        log: LOG,
        provider: PROVIDER,
        id: 31,
        level: 2,
        data: ["KB5034441"],
      }),
    async (machine) => {
      const [any, all] = await machine.runAll([{ script: anyScript }, { script: allScript }]);
      assert.is(any!.code, 1, any!.recap);
      assert.is(all!.code, 0, all!.recap);
    },
  ),
);

run("no token in the data, or another log: no evidence", () =>
  onMachine(
    () =>
      withEvent("0x80070005")().event({
        log: "Application",
        provider: PROVIDER,
        id: 20,
        level: 2,
        data: ["0x800B0109"],
      }),
    async (machine) => {
      const [any] = await machine.runAll([{ script: anyScript }]);
      assert.is(any!.code, 0, any!.recap);
    },
  ),
);

test.run();
