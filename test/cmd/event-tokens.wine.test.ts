// The batch event probe with several data tokens (any / all) on the Windows Update client's
// log, whose name holds a / (Microsoft-Windows-WindowsUpdateClient/Operational), under Wine
// with the fake wevtutil: all needs every token in one event's line of XML.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { compileEventTokensPlaybook, UPDATE_PROVIDER } from "../support/event-tokens-playbook.js";
import { recap, withSim } from "./scenario.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);

/** The batch script of the playbook matching `match`, compiled once. */
function compile(id: string, match: "any" | "all"): string {
  return join(compileEventTokensPlaybook(id, match, [20], ["ps1", "cmd"]), id, `${id}.fix.cmd`);
}

const anyFix = compile("kb100021", "any");
const allFix = compile("kb100022", "all");
const detected = (stdout: string) => !/Compliant \(exit 0\)/.test(recap(stdout));

scenario("one token in the event: any detects it, all does not", () =>
  withSim((sim) => {
    sim.addEvent(20, 120, "0x800B0109");
    const any = sim.run(anyFix);
    const all = sim.run(allFix);
    assert.ok(detected(any.stdout), any.stdout);
    assert.not.ok(detected(all.stdout), all.stdout);
  }),
);

scenario("both tokens in the event, in another case: all detects it", () =>
  withSim((sim) => {
    sim.addEvent(20, 121, "0x800b0109 in kb5034441");
    const all = sim.run(allFix);
    assert.ok(detected(all.stdout), all.stdout);
  }),
);

scenario("the query names the provider, each ID and level number, and the 30-day window", () =>
  withSim((sim) => {
    const dir = compileEventTokensPlaybook(
      "kb100023",
      "any",
      [20, 31],
      ["ps1", "cmd"],
      "information",
    );
    sim.run(join(dir, "kb100023", "kb100023.fix.cmd"));
    const queries = sim.calls().filter((c) => c.startsWith("wevtutil") && c.includes("/q:"));
    assert.ok(queries.length > 0, sim.calls().join("\n"));
    const want =
      `/q:*[System[Provider[@Name='${UPDATE_PROVIDER}'] and (EventID=20 or EventID=31)` +
      " and (Level=0 or Level=4) and TimeCreated[timediff(@SystemTime) <= 2592000000]";
    for (const q of queries) assert.ok(q.includes(want), q);
  }),
);

scenario("check mode with only manual work left: exit 4, as the .ps1 gives under -WhatIf", () =>
  withSim((sim) => {
    sim.addEvent(20, 123, "0x800B0109");
    const check = sim.run(anyFix, ["check"]);
    assert.match(recap(check.stdout), "ManualActionNeeded (exit 4)");
    assert.match(recap(check.stdout), "check mode: nothing was changed");
  }),
);

scenario("neither token: neither detects", () =>
  withSim((sim) => {
    sim.addEvent(20, 122, "0x80070005");
    const any = sim.run(anyFix);
    assert.not.ok(detected(any.stdout), any.stdout);
  }),
);
test.run();
