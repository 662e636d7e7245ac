// The runtime as a reviewed artifact: after a fixed marker line naming the kbfix
// version and the SHA-256 of the section, the shared functions the script uses,
// as in templates/ps1/runtime without their comment lines (runtime-units.ts:
// shippedText), then a closing marker. A reviewer
// reads the body above it and checks the hash instead of re-reading the runtime
// (docs/runtime.md says how).
import { markedSection, type MarkedSection } from "../runtime-marker.js";
import type { RuntimeUnit } from "./runtime-units.js";

export interface RuntimeSection extends MarkedSection {
  functions: string[];
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
  return {
    ...markedSection("ps1", version, body),
    functions: units.filter((u) => u.kind === "function").flatMap((u) => u.defines),
  };
}
