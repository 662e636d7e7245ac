// A playbook whose program arguments name bases: a run step with /log:%windir%\Logs\x.log and
// x=%SystemDrive%, one whose argument is %ALLUSERSPROFILE%\ (a trailing backslash, and a space
// in the test's value), and a command probe with a base in its arguments. The program is
// argv-echo.exe (test/support/argv/argv-echo.c under Wine, a recorded handler in the pwsh tier),
// so both tiers see the arguments as the program receives them.
import { compileFixture, fixturePlaybook } from "./fixture-playbook.js";

export const ARGUMENT_BASES_ID = "kb100006";

const echo = (id: string, args: string[]) => ({
  id,
  kind: "run",
  program: "%ToolFolder%\\argv-echo.exe",
  args: ["-child", ...args],
  guard: { evidence: "flag" },
});

export const LOG_ARGUMENTS = ["/log:%windir%\\Logs\\x.log", "x=%SystemDrive%"];
export const USERS_ARGUMENT = "%ALLUSERSPROFILE%\\";
export const PROBE_ARGUMENT = "/q:%windir%\\Logs";

export function argumentBasesPlaybook(): Record<string, unknown> {
  return fixturePlaybook({
    id: ARGUMENT_BASES_ID,
    title: "Program arguments that name bases",
    summary: "Runs a tool whose log and data folders are written with bases in its arguments.",
    sourceNotes: false,
    applies: null,
    parameters: [{ name: "ToolFolder", type: "path", description: "Where argv-echo is." }],
    evidence: [
      { id: "flag", kind: "file-size", path: "%windir%\\argb-flag.bin", aboveBytes: 0 },
      {
        id: "echo",
        kind: "command",
        program: "%windir%\\System32\\argv-echo.exe",
        args: ["-child", PROBE_ARGUMENT],
        problemCodes: [7],
      },
    ],
    methodTitle: "Run the tool",
    steps: [echo("s-log", LOG_ARGUMENTS), echo("s-users", [USERS_ARGUMENT])],
  });
}

/** Compiles it (no value the batch script cannot carry); returns the output folder. */
export function compileArgumentBasesPlaybook(): string {
  return compileFixture(argumentBasesPlaybook(), true);
}
