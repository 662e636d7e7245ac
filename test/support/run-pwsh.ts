// Runs the project's PowerShell (test/support/pwsh.ts) on a command or a script file.
// Linux keeps only the low 8 bits of a process exit code (3010 would read as 194), so
// runPwshFile runs the script inside a small wrapper that reads $LASTEXITCODE in PowerShell
// and reports the whole code on stderr; runPwshCommand returns the process status as is.
import { spawnSync } from "node:child_process";
import { psString } from "../../src/emit/quote-ps.js";
import { locatePwsh } from "./pwsh.js";

export interface PwshRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface PwshOptions {
  cwd?: string;
  /** Added to the environment of the PowerShell process. */
  env?: Record<string, string>;
  /** Written to standard input. */
  input?: string;
  timeoutMs?: number;
}

const EXIT_MARK = "KBFIX-PWSH-EXIT-CODE ";

// No update check or telemetry: they cost start-up time and reach for the network.
const QUIET_ENV = {
  POWERSHELL_TELEMETRY_OPTOUT: "1",
  POWERSHELL_UPDATECHECK: "Off",
  DOTNET_CLI_TELEMETRY_OPTOUT: "1",
  DOTNET_NOLOGO: "1",
};

function spawnPwsh(args: string[], options: PwshOptions): PwshRun {
  const pwsh = locatePwsh();
  if (!pwsh.ok) throw new Error(`PowerShell is not available: ${pwsh.why}`);
  const run = spawnSync(pwsh.file, [...pwsh.args, "-NoProfile", "-NonInteractive", ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...QUIET_ENV, ...options.env },
    input: options.input,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    timeout: options.timeoutMs ?? 300_000,
  });
  if (run.error) throw run.error;
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** Runs PowerShell code; code is the process exit status (0-255). */
export function runPwshCommand(command: string, options: PwshOptions = {}): PwshRun {
  return spawnPwsh(["-Command", command], options);
}

/**
 * One argument as `pwsh -File` would read it: `-Name` (and `-Name:`) stay parameter names,
 * everything else is a literal string.
 */
function argumentText(arg: string): string {
  return /^-[A-Za-z_][A-Za-z0-9_]*:?$/.test(arg) ? arg : psString(arg);
}

/** Runs a script file with arguments, like `pwsh -File`, and returns its full exit code. */
export function runPwshFile(file: string, args: string[] = [], options: PwshOptions = {}): PwshRun {
  const call = ["&", psString(file), ...args.map(argumentText)].join(" ");
  // A terminating error ends the script with code 1, as under -File.
  const wrapper = [
    "$global:LASTEXITCODE = 0",
    `try { ${call}; $kbfixCode = $global:LASTEXITCODE } catch { [Console]::Error.WriteLine(($_ | Out-String)); $kbfixCode = 1 }`,
    `[Console]::Error.WriteLine('${EXIT_MARK}' + $kbfixCode)`,
    "exit 0",
  ].join("\n");
  const run = runPwshCommand(wrapper, options);
  const lines = run.stderr.split(/\r?\n/);
  const index = lines.findIndex((line) => line.startsWith(EXIT_MARK));
  if (index < 0) return run; // PowerShell itself failed; its own status is all there is.
  const code = Number(lines[index]!.slice(EXIT_MARK.length));
  lines.splice(index, 1);
  return { code, stdout: run.stdout, stderr: lines.join("\n") };
}
