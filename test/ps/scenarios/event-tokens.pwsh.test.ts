// The event probe on the simulated Windows with several data tokens (any / all) on the Windows
// Update client's own log, Microsoft-Windows-WindowsUpdateClient/Operational, the source to use
// on NT 10.0 and later instead of WindowsUpdate.log (docs/kb-facts.md#windows-update-log).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import {
  UPDATE_LOG as LOG,
  UPDATE_PROVIDER as PROVIDER,
  compileEventTokensPlaybook,
} from "../../support/event-tokens-playbook.js";
import { PsMachine } from "../../support/simulated-windows-ps.js";
import { pwshTest as run } from "../pwsh-gate.js";
import { onMachine } from "./scenario.js";

function compileDetection(id: string, match: "any" | "all"): string {
  return join(compileEventTokensPlaybook(id, match, [20, 25, 31], ["ps1"]), id, `${id}.detect.ps1`);
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

run("-WhatIf with only manual work left: exit 4 (ManualActionNeeded), as batch check mode", () =>
  onMachine(withEvent("0x800B0109"), async (machine) => {
    const dir = compileEventTokensPlaybook("kb100013", "any", [20], ["ps1"]);
    const whatIf = await machine.run(join(dir, "kb100013", "kb100013.ps1"), { WhatIf: true });
    assert.is(whatIf.code, 4, whatIf.recap);
  }),
);

test.run();
