// One PowerShell process per test file that runs simulated-Windows jobs on request: starting
// pwsh and compiling the runtime costs about two seconds, a job on a warm process a fraction
// of that. Requests are served one at a time, in order. The process holds Node open only while
// a request is pending, and ends when Node does (its stdin closes).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";
import { locatePwsh, repoRoot } from "./pwsh.js";

export const simulationRunner = join(repoRoot, "test", "support", "simulated-windows", "run.ps1");

export const pwshEnvironment = {
  ...process.env,
  NO_COLOR: "1",
  POWERSHELL_TELEMETRY_OPTOUT: "1",
  POWERSHELL_UPDATECHECK: "Off",
  DOTNET_CLI_TELEMETRY_OPTOUT: "1",
};

interface Pending {
  jobs: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

class SimulationServer {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly queue: Pending[] = [];
  private buffer = "";
  private stderr = "";

  run(jobs: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ jobs, resolve, reject });
      const child = this.start();
      this.hold(true);
      child.stdin.write(`${jobs}\n`);
    });
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const pwsh = locatePwsh();
    if (!pwsh.ok) throw new Error(pwsh.why);
    const args = [
      ...pwsh.args,
      "-NoProfile",
      "-NonInteractive",
      "-File",
      simulationRunner,
      "-Serve",
    ];
    const child = spawn(pwsh.file, args, { env: pwshEnvironment, stdio: "pipe" });
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => this.read(chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    child.on("close", (code) =>
      this.fail(new Error(`simulation PowerShell exited (${code}):\n${this.stderr}`)),
    );
    child.unref();
    this.child = child;
    return child;
  }

  private read(chunk: string): void {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.indexOf("\n")) >= 0) {
      const line = this.buffer.slice(0, newline).trim();
      this.buffer = this.buffer.slice(newline + 1);
      if (!line.startsWith("KBSIM-DONE ")) continue;
      const done = this.queue.shift();
      done?.resolve();
      if (this.queue.length === 0) this.hold(false);
    }
  }

  private fail(error: Error): void {
    this.child = undefined;
    for (const pending of this.queue.splice(0)) pending.reject(error);
  }

  /** Keeps Node alive while a request waits; lets it exit when idle. */
  private hold(on: boolean): void {
    const child = this.child;
    if (!child) return;
    for (const stream of [child.stdout, child.stderr, child.stdin] as unknown as {
      ref(): void;
      unref(): void;
    }[]) {
      if (on) stream.ref();
      else stream.unref();
    }
    if (on) child.ref();
    else child.unref();
  }
}

export const simulationServer = new SimulationServer();
