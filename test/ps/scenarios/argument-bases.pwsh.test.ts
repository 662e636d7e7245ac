// Bases inside program arguments in the .ps1: the program receives /log:C:\Windows\Logs\x.log,
// not the text %windir%, because no shell stands between the script and the program. A base
// that is empty on the machine fails its step, and that program never starts.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { PsMachine } from "../../support/simulated-windows-ps.js";
import {
  ARGUMENT_BASES_ID,
  compileArgumentBasesPlaybook,
} from "../../support/argument-bases-playbook.js";
import { pwshTest as run } from "../pwsh-gate.js";
import { checkedResult, logOf, onMachine, type StepResult } from "./scenario.js";

const out = compileArgumentBasesPlaybook();
const script = join(out, ARGUMENT_BASES_ID, `${ARGUMENT_BASES_ID}.ps1`);
const PARAMS = { ToolFolder: "C:\\Tools" };
const record = (results: StepResult[], id: string) => results.find((r) => r.id === id)!;

function machine(): PsMachine {
  const m = new PsMachine({ version: "10.0.19045" });
  m.world.env.ALLUSERSPROFILE = "C:\\All Users";
  return m
    .file("C:\\Windows\\argb-flag.bin", 10)
    .file("C:\\Tools\\argv-echo.exe", "MZ")
    .file("C:\\Windows\\System32\\argv-echo.exe", "MZ")
    .program("argv-echo.exe", { exitCodes: [0] });
}

run("each base in an argument reaches the program expanded; the log shows the command line", () =>
  onMachine(machine, async (m) => {
    const result = checkedResult(m, await m.run(script, PARAMS), ARGUMENT_BASES_ID);
    assert.equal(
      m.calls().map((c) => `${c.program} ${c.arguments}`),
      [
        "C:\\Windows\\System32\\argv-echo.exe -child /q:C:\\Windows\\Logs",
        "C:\\Tools\\argv-echo.exe -child /log:C:\\Windows\\Logs\\x.log x=C:",
        'C:\\Tools\\argv-echo.exe -child "C:\\All Users\\\\"',
        "C:\\Windows\\System32\\argv-echo.exe -child /q:C:\\Windows\\Logs",
      ],
    );
    assert.is(record(result.results, "s-log").status, "changed");
    assert.is(record(result.results, "s-users").status, "changed");
    assert.match(logOf(m, ARGUMENT_BASES_ID), "/log:C:\\Windows\\Logs\\x.log x=C:");
  }),
);

run("an empty base fails the step that names it, and that program never starts", () =>
  onMachine(
    () => {
      const m = machine();
      delete m.world.env.ALLUSERSPROFILE;
      return m;
    },
    async (m) => {
      const result = checkedResult(m, await m.run(script, PARAMS), ARGUMENT_BASES_ID);
      const users = record(result.results, "s-users");
      assert.is(users.status, "failed", JSON.stringify(users));
      assert.match(users.message, "argument %ALLUSERSPROFILE%\\: %ALLUSERSPROFILE% is empty");
      assert.is(record(result.results, "s-log").status, "changed");
      assert.not.ok(
        m.calls().some((c) => c.arguments.includes("All Users") || c.arguments.includes("%")),
        JSON.stringify(m.calls()),
      );
    },
  ),
);

run("a %SystemDrive% that is not a drive letter fails the step, nothing runs with it", () =>
  onMachine(machine, async (m) => {
    m.world.env.SystemDrive = "C:\\Windows";
    const result = checkedResult(m, await m.run(script, PARAMS), ARGUMENT_BASES_ID);
    const log = record(result.results, "s-log");
    assert.is(log.status, "failed", JSON.stringify(log));
    assert.match(log.message, "%SystemDrive% is not a drive letter");
    assert.not.ok(m.calls().some((c) => c.arguments.includes("/log:")));
  }),
);

test.after(() => rmSync(out, { recursive: true, force: true }));
test.run();
