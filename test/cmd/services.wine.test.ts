// Services as KB articles need them, in the .fix.cmd under Wine (the same playbook as
// test/ps/scenarios/services.pwsh.test.ts): dependents stopped first (sc enumdepend) and started
// again, pending states waited through (bounded, a ping a second), a service restarted behind our
// back stopped again and reported, services started at the end, sc config start= delayed-auto,
// and not-disabled from the table for the NT version ver reports.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileServicesPlaybook, SERVICES_ID } from "../ps/scenarios/services-playbook.js";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { toWinPath } from "../support/wine.js";
import { scFake } from "./fake-tools.js";
import { resultLines, withSim } from "./scenario.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);
const compiled = join(compileServicesPlaybook(), SERVICES_ID, `${SERVICES_ID}.fix.cmd`);

function prepare(sim: SimulatedWindows): string {
  const path = join(sim.root, "out", `${SERVICES_ID}.fix.cmd`);
  mkdirSync(join(sim.root, "out"), { recursive: true });
  writeFileSync(path, readFileSync(compiled));
  sim.writeLarge("Windows/marker.bin", 100);
  sim.setService("wuauserv", { start: 3, state: 4 });
  sim.setService("WuDep", { start: 3, state: 4 });
  sim.setDependents("wuauserv", ["WuDep"]);
  sim.setService("AppIDSvc", { start: 3, state: 1 });
  sim.setService("CryptSvc", { start: 4, state: 1 });
  sim.setService("BITS", { start: 3, state: 4 });
  sim.setService("BitsDep", { start: 3, state: 4 });
  sim.setDependents("BITS", ["BitsDep"]);
  return path;
}

const line = (log: string, id: string) => resultLines(log, id).join("\n");
/** The registry outlives a scenario in the worker's Wine prefix: the step ran, changed or ok. */
const RAN = /\[s-work\] (changed|ok)/;

scenario("dependents stopped first and started again; start at the end; start types", () =>
  withSim((sim) => {
    const fix = prepare(sim);
    sim.run(fix);
    const log = sim.logText(SERVICES_ID);
    assert.match(line(log, "s-work"), RAN, log);
    assert.equal(sim.service("wuauserv"), { start: 2, state: 4 });
    assert.equal(sim.service("WuDep"), { start: 3, state: 4 }, "started again");
    assert.ok(
      sim.calls().some((c) => /^net stop "?WuDep"?/.test(c)),
      "WuDep stopped before wuauserv",
    );
    assert.match(log, "stopped the services that depend on wuauserv first: WuDep");
    assert.equal(sim.service("AppIDSvc"), { start: 3, state: 4 }, "started at the end");
    assert.ok(sim.delayed("wuauserv"), "sc config start= delayed-auto");
    assert.match(line(log, "s-delayed"), "after: start type automatic (delayed start)");
    assert.equal(sim.service("CryptSvc").start, 2, "not-disabled: Windows 10's automatic");
    assert.match(line(log, "s-bits"), "[s-bits] ok");
    assert.match(line(log, "s-bits-stopped"), "stay stopped: BitsDep");
    assert.equal(sim.service("BITS"), { start: 3, state: 1 });
    assert.equal(sim.service("BitsDep"), { start: 3, state: 1 });
    sim.clearCalls();
    sim.run(fix);
    const again = sim.logText(SERVICES_ID);
    assert.match(resultLines(again, "s-delayed").at(-1)!, "[s-delayed] ok", "idempotent");
  }),
);

scenario("pending states: a stopping dependent and a starting service are waited through", () =>
  withSim((sim) => {
    const fix = prepare(sim);
    sim.setPending("WuDep", 3, 1, 3);
    sim.setPending("wuauserv", 2, 4, 2);
    sim.run(fix);
    const log = sim.logText(SERVICES_ID);
    assert.match(line(log, "s-work"), RAN, log);
    assert.equal(sim.service("wuauserv").state, 4, "started again");
    assert.ok(sim.calls().filter((c) => c.startsWith("ping")).length >= 2, "waited");
  }),
);

scenario(
  "restart race: stopped again and reported; every time: bounded, the steps do not run",
  () =>
    withSim((sim) => {
      const fix = prepare(sim);
      sim.setComeBack("wuauserv", 2);
      sim.run(fix);
      let log = sim.logText(SERVICES_ID);
      assert.match(line(log, "s-work"), RAN, log);
      assert.match(
        line(log, "m-stop/stop-wuauserv"),
        "started again behind our back 2 time(s)",
        log,
      );
      assert.is(sim.cameBack("wuauserv"), 2);
      sim.setService("wuauserv", { start: 3, state: 4 });
      sim.setComeBack("wuauserv", 50);
      const before = resultLines(log, "s-work").length;
      sim.run(fix);
      log = sim.logText(SERVICES_ID);
      assert.is(resultLines(log, "s-work").length, before, "the steps did not run");
      assert.match(line(log, "m-stop/stop-wuauserv"), "failed", log);
      assert.match(
        line(log, "m-stop/stop-wuauserv"),
        "started again each time it stopped (4 times)",
      );
      assert.is(sim.cameBack("wuauserv"), 6, "2 before, 4 now: bounded");
    }),
);

/**
 * sc as the simulated Windows has it, except that enumdepend prints <db>\services\<name>.enumdepend
 * when it exists: names no batch fake could echo, written here byte for byte.
 */
function scWithListedDependents(sim: SimulatedWindows, service: string, listing: string): void {
  const file = join(sim.db, "services", `${service}.enumdepend`);
  writeFileSync(file, listing);
  const winFile = `${toWinPath(join(sim.db, "services"))}\\%SVC%.enumdepend`;
  const body = scFake(sim.callsLog, sim.db).replace(
    'if /i "%VERB%"=="enumdepend" goto enumdepend',
    `if /i "%VERB%"=="enumdepend" if exist "${winFile}" (type "${winFile}" & exit /b 0)\r\nif /i "%VERB%"=="enumdepend" goto enumdepend`,
  );
  writeFileSync(join(sim.system32, "sc.fake.cmd"), body + "\r\n");
}

const dependent = (name: string, state: number) =>
  `\r\nSERVICE_NAME: ${name}\r\nDISPLAY_NAME: ${name}\r\n        TYPE               : 20  WIN32_SHARE_PROCESS\r\n        STATE              : ${state}  RUNNING\r\n`;

/** Each would run a command or change what runs if batch parsed the name as code. */
const HOSTILE = [
  "Evil&echo.pwned>pwned-amp.txt",
  "Evil|echo.pwned>pwned-pipe.txt",
  "Evil%KB_SC%",
  "Evil^&echo.pwned>pwned-caret.txt",
  "Evil!KB_SC!",
  'Evil"&echo.pwned>pwned-quote.txt&"',
  "Evil(x)&echo.pwned>pwned-paren.txt",
];

/** What a pwned-*.txt would show: a name ran as a command. */
const PWNED = ["amp", "pipe", "caret", "quote", "paren"].map((n) => `pwned-${n}.txt`);

scenario(
  "running dependents with hostile names are never stopped or run: the method fails, nothing stops",
  () =>
    withSim((sim) => {
      const fix = prepare(sim);
      const listing = [dependent("SafeDep_1.x$y", 4), ...HOSTILE.map((name) => dependent(name, 4))];
      scWithListedDependents(sim, "wuauserv", `Enum: entriesRead = 8\r\n${listing.join("")}`);
      sim.run(fix);
      const log = sim.logText(SERVICES_ID);
      const stop = line(log, "m-stop/stop-wuauserv");
      assert.match(stop, "failed", log);
      assert.match(
        stop,
        "cannot stop the running dependent service(s) 'Evil&echo.pwned>pwned-amp.txt'",
        log,
      );
      // Shown with quotes as /; names with % or ! are left out here: Wine's cmd expands variables
      // inside for-variable values, which Windows' cmd does not (either way the check refuses them).
      for (const name of HOSTILE.filter((n) => !/[%!]/.test(n)))
        assert.ok(stop.includes(`'${name.replace(/"/g, "/")}'`), `${name} named: ${stop}`);
      assert.not.ok(stop.includes("SafeDep"), "a safe name is not reported");
      assert.is(resultLines(log, "s-work").length, 0, "the method's steps did not run");
      assert.equal(
        sim.calls().filter((c) => /^net (stop|start) "?(wuauserv|SafeDep|Evil)/.test(c)),
        [],
        "nothing stopped, not even the safe dependent",
      );
      assert.is(
        sim.service("wuauserv").state,
        4,
        "still running (a later method sets its start type)",
      );
      for (const dir of [sim.root, join(sim.root, "out"), sim.system32, sim.windir, process.cwd()])
        for (const file of PWNED)
          assert.not.ok(existsSync(join(dir, file)), `no command ran from a name: ${dir}/${file}`);
    }),
);

scenario("a stopped dependent with a hostile name is left alone: nothing needs it stopped", () =>
  withSim((sim) => {
    const fix = prepare(sim);
    sim.setService("WuDep", { start: 3, state: 4 });
    scWithListedDependents(
      sim,
      "wuauserv",
      `Enum: entriesRead = 2\r\n${dependent("WuDep", 4)}${dependent("Evil&echo.pwned>pwned-amp.txt", 1)}`,
    );
    sim.run(fix);
    const log = sim.logText(SERVICES_ID);
    assert.match(line(log, "s-work"), RAN, log);
    assert.match(log, "stopped the services that depend on wuauserv first: WuDep");
    assert.equal(sim.service("WuDep"), { start: 3, state: 4 }, "started again");
  }),
);

test.run();
