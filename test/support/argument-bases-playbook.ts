// A playbook whose program arguments name bases: a run step with /log:%windir%\Logs\x.log and
// x=%SystemDrive%, one whose argument is %ALLUSERSPROFILE%\ (a trailing backslash, and a space
// in the test's value), and a command probe with a base in its arguments. The program is
// argv-echo.exe (test/support/argv/argv-echo.c under Wine, a recorded handler in the pwsh tier),
// so both tiers see the arguments as the program receives them.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";
import { analyzeBytes, compilePlan } from "../../src/pipeline.js";

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
  return {
    schemaVersion: 1,
    id: ARGUMENT_BASES_ID,
    title: "Program arguments that name bases",
    kb: [100006],
    source: { url: "https://support.microsoft.com/kb/100006", revision: "1.0" },
    summary: "Runs a tool whose log and data folders are written with bases in its arguments.",
    targets: ["ps1", "cmd"],
    parameters: [{ name: "ToolFolder", type: "path", description: "Where argv-echo is." }],
    detection: {
      any: [
        { id: "flag", kind: "file-size", path: "%windir%\\argb-flag.bin", aboveBytes: 0 },
        {
          id: "echo",
          kind: "command",
          program: "%windir%\\System32\\argv-echo.exe",
          args: ["-child", PROBE_ARGUMENT],
          problemCodes: [7],
        },
      ],
    },
    strategy: "all",
    methods: [
      {
        id: "m1",
        kbMethod: 1,
        title: "Run the tool",
        risk: "low",
        reboot: "none",
        steps: [echo("s-log", LOG_ARGUMENTS), echo("s-users", [USERS_ARGUMENT])],
      },
    ],
  };
}

/** Compiles it; returns the folder holding <id>/<id>.ps1, .detect.ps1 and .fix.cmd. */
export function compileArgumentBasesPlaybook(): string {
  const text = dump(argumentBasesPlaybook());
  const analysis = analyzeBytes(`${ARGUMENT_BASES_ID}.yaml`, Buffer.from(text, "utf8"));
  if (!analysis.plan) throw new Error(JSON.stringify(analysis.diagnostics, null, 2));
  const unsafe = analysis.diagnostics.filter((d) => d.code === "cmd-unsafe-value");
  if (unsafe.length) throw new Error(JSON.stringify(unsafe, null, 2));
  const dir = mkdtempSync(join(tmpdir(), "kbfix-argument-bases-"));
  for (const file of compilePlan(analysis.plan)) {
    mkdirSync(join(dir, file.path, ".."), { recursive: true });
    writeFileSync(join(dir, file.path), file.bytes);
  }
  return dir;
}
