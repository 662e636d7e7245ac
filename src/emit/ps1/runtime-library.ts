// Every runtime file under templates/ps1/runtime, cut into units, in the one
// order they appear in an emitted script: the shared files first (each builds on
// the ones before it), then the probes, the run's stages, the steps, detection.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TEMPLATES_DIR } from "../templates.js";
import { runtimeUnits, type RuntimeUnit } from "./runtime-units.js";

export const RUNTIME_DIR = join(TEMPLATES_DIR, "ps1", "runtime");

const SHARED_FILES = [
  "log",
  "result",
  "paths",
  "file-ops",
  "state",
  "ladder",
  "applicability",
  "relaunch",
  "services",
  "registry",
  "user-hives",
  "certificates",
  "when-applicable",
  "step-lifecycle",
  "probes/join",
];
const RUN_FILES = ["preflight", "method", "process", "pe-image", "complete"];

function filesIn(folder: string): string[] {
  return readdirSync(join(RUNTIME_DIR, folder))
    .filter((n) => n.endsWith(".ps1"))
    .sort()
    .map((n) => `${folder}/${n.slice(0, -".ps1".length)}`);
}

/** Runtime file names in emission order; a new file in probes/ or steps/ joins by itself. */
export function runtimeFileOrder(): string[] {
  const probes = filesIn("probes").filter((f) => !SHARED_FILES.includes(f));
  return [...SHARED_FILES, ...probes, ...RUN_FILES, ...filesIn("steps"), "detect"];
}

let cached: RuntimeUnit[] | undefined;

export function runtimeLibrary(): RuntimeUnit[] {
  cached ??= runtimeFileOrder().flatMap((file) =>
    runtimeUnits(file, readFileSync(join(RUNTIME_DIR, `${file}.ps1`), "utf8")),
  );
  return cached;
}
