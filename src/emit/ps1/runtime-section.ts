// The runtime as a reviewed artifact: after a fixed marker line naming the kbfix
// version and the SHA-256 of the section, the shared functions the script uses,
// as in templates/ps1/runtime without their comment lines (runtime-units.ts:
// shippedText), then a closing marker. A reviewer
// reads the body above it and checks the hash instead of re-reading the runtime
// (docs/runtime.md says how).
import { createHash } from "node:crypto";
import { encodeBlock, type EncodedBlock } from "../bytes.js";
import type { RuntimeUnit } from "./runtime-units.js";

export const RUNTIME_BEGIN =
  /^# ==== kbfix runtime ([0-9A-Za-z.+-]+), sha256 ([0-9a-f]{64}) ====$/m;
export const RUNTIME_END = "# ==== end of kbfix runtime ====";

export interface RuntimeSection {
  /** Marker, units, end marker: LF line ends, as the templates are written. */
  text: string;
  /** The text encoded as shipped, once per section: every script of the shape copies it. */
  block: EncodedBlock;
  sha256: string;
  functions: string[];
}

/** SHA-256 of the lines between the markers (LF-joined here), as shipped: CRLF after every line. */
export function runtimeBodyHash(body: string): string {
  return createHash("sha256")
    .update(body.replace(/\n/g, "\r\n") + "\r\n", "latin1")
    .digest("hex");
}

/** Scripts of one shape keep the same units: build each distinct section once. */
const built = new Map<string, RuntimeSection>();
const unitIds = new WeakMap<RuntimeUnit, number>();

function unitId(unit: RuntimeUnit): number {
  let id = unitIds.get(unit);
  if (id === undefined) unitIds.set(unit, (id = nextUnitId++));
  return id;
}
let nextUnitId = 0;

/** treeShake hands back the same array for the same shape: found without building a key. */
const byArray = new WeakMap<readonly RuntimeUnit[], { version: string; section: RuntimeSection }>();

export function runtimeSection(units: readonly RuntimeUnit[], version: string): RuntimeSection {
  const same = byArray.get(units);
  if (same?.version === version) return same.section;
  const section = sectionByUnits(units, version);
  byArray.set(units, { version, section });
  return section;
}

function sectionByUnits(units: readonly RuntimeUnit[], version: string): RuntimeSection {
  const key = `${version} ${units.map(unitId).join(",")}`;
  const known = built.get(key);
  if (known) return known;
  const section = buildSection(units, version);
  if (built.size < 1000) built.set(key, section);
  return section;
}

function buildSection(units: readonly RuntimeUnit[], version: string): RuntimeSection {
  const body = units
    .map((u) => u.shipped)
    .filter((t) => t !== "")
    .join("\n\n");
  const sha256 = runtimeBodyHash(body);
  const begin = `# ==== kbfix runtime ${version}, sha256 ${sha256} ====`;
  const text = `${begin}\n${body}\n${RUNTIME_END}`;
  return {
    text,
    block: encodeBlock(text),
    sha256,
    functions: units.filter((u) => u.kind === "function").flatMap((u) => u.defines),
  };
}

export interface FoundRuntime {
  version: string;
  /** The hash the marker claims. */
  claimed: string;
  /** The hash of the lines actually between the markers. */
  actual: string;
  lines: string[];
}

/** The runtime section of an emitted script (CRLF or LF), or undefined when it has none. */
export function findRuntimeSection(script: string): FoundRuntime | undefined {
  const lines = script.split(/\r?\n/);
  const begin = lines.findIndex((l) => RUNTIME_BEGIN.test(l));
  const end = lines.indexOf(RUNTIME_END, begin + 1);
  if (begin < 0 || end < 0) return undefined;
  const [, version, claimed] = RUNTIME_BEGIN.exec(lines[begin]!)!;
  const inner = lines.slice(begin + 1, end);
  return {
    version: version!,
    claimed: claimed!,
    actual: runtimeBodyHash(inner.join("\n")),
    lines: inner,
  };
}
