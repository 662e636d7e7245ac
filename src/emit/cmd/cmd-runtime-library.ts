// Every batch runtime file under templates/cmd/runtime, cut at its labels, in the one order
// they appear in an emitted .fix.cmd: what everything calls (records, values, paths, program
// arguments, the log), preflight and the run's stages, the probes and detection, the step
// lifecycles and the steps, then what steps share (guards, services, applicability, registry,
// state, the ladder).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TEMPLATES_DIR } from "../templates.js";
import { cmdRuntimeFile, type CmdRuntimeFile } from "./cmd-subroutines.js";

export const CMD_RUNTIME_DIR = join(TEMPLATES_DIR, "cmd", "runtime");

const FIRST = [
  ...["result", "values", "paths", "arguments", "log"],
  ...["start", "begin", "method", "complete"],
];
const AFTER_PROBES = ["detection", "lifecycle", "oneshot"];
const LAST = ["guard", "services", "applicability", "registry", "state", "ladder"];

function filesIn(folder: string): string[] {
  return readdirSync(join(CMD_RUNTIME_DIR, folder))
    .filter((n) => n.endsWith(".cmd"))
    .sort()
    .map((n) => join(folder, n.slice(0, -".cmd".length)).replace(/\\/g, "/"));
}

/** Runtime file names in emission order; a new file in probes/ or steps/ joins by itself. */
export function cmdRuntimeFileOrder(): string[] {
  const order = [...FIRST, ...filesIn("probes"), ...AFTER_PROBES, ...filesIn("steps"), ...LAST];
  const unplaced = filesIn(".").filter((f) => !order.includes(f));
  if (unplaced.length)
    throw new Error(
      `templates/cmd/runtime: place ${unplaced.join(", ")} in cmd-runtime-library.ts`,
    );
  return order;
}

let cached: CmdRuntimeFile[] | undefined;

export function cmdRuntimeLibrary(): CmdRuntimeFile[] {
  cached ??= cmdRuntimeFileOrder().map((name) =>
    cmdRuntimeFile(
      name,
      readFileSync(join(CMD_RUNTIME_DIR, `${name}.cmd`), "utf8").replace(/\r\n?/g, "\n"),
    ),
  );
  return cached;
}
