// Holds a named mutex in a separate PowerShell process, as a second kbfix run would, so a
// scenario can see the script give way (exit 1618). .NET shares named mutexes between
// processes on Linux too; the simulation scopes them per machine (mutex.ps1).
import { spawn } from "node:child_process";
import { locatePwsh } from "./pwsh.js";
import type { PsMachine } from "./simulated-windows-ps.js";
import { pwshEnvironment } from "./simulated-windows-server.js";

export interface HeldMutex {
  release(): void;
}

/** Holds `name` as the scripts on `machine` see it (its mutex prefix applied). */
export function holdMutex(machine: PsMachine, name: string): Promise<HeldMutex> {
  const prefix = String(machine.world.os.mutexPrefix);
  name = name.replace(/^(Global|Local)\\/, (scope) => scope + prefix);
  const pwsh = locatePwsh();
  if (!pwsh.ok) return Promise.reject(new Error(pwsh.why));
  const script = `$m = [System.Threading.Mutex]::new($false, '${name.replace(/'/g, "''")}'); if ($m.WaitOne(0)) { 'held' } else { 'taken' }; [Console]::Out.Flush(); $null = [Console]::In.ReadLine(); $m.ReleaseMutex()`;
  const child = spawn(
    pwsh.file,
    [...pwsh.args, "-NoProfile", "-NonInteractive", "-Command", script],
    { env: pwshEnvironment },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      if (out.includes("held")) resolve({ release: () => child.stdin.end() });
      else if (out.includes("taken")) reject(new Error(`mutex ${name} is already held`));
    });
    child.on("error", reject);
    child.on("close", (code) =>
      reject(new Error(`mutex holder exited (${code}) before holding ${name}`)),
    );
  });
}
