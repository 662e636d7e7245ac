// Values no target script can hold (model/script-text.ts): reported here, at the
// value, so `kbfix validate` finds what `kbfix compile` would otherwise find only
// while emitting. Every string of the playbook is visited, not only the fields
// of one target: titles, notes and summaries reach the scripts and the README too.
import { pointerOf } from "../front/source-map.js";
import { scriptTextReason } from "../model/script-text.js";
import type { Check, CheckInput } from "./check-input.js";
import { forEachString, type LeafPath } from "./string-leaves.js";

export const emitValues: Check = (input) =>
  forEachString(input.doc, (value, path) => report(input, value, path));

function report(input: CheckInput, value: string, path: LeafPath): void {
  const reason = scriptTextReason(value);
  if (!reason) return;
  const field = path.filter((p) => !/^\d+$/.test(p)).pop() ?? "value";
  input.atPointer(
    pointerOf(path),
    "error",
    "emit-value",
    `cannot emit this playbook: ${field}: ${reason}`,
    "change the value; every value must be one the target script can carry exactly",
  );
}
