// Values no target script can hold (model/script-text.ts): reported here, at the
// value, so `kbfix validate` finds what `kbfix compile` would otherwise find only
// while emitting. Every string of the playbook is visited, not only the fields
// of one target: titles, notes and summaries reach the scripts and the README too.
import { pointerOf } from "../front/source-map.js";
import { scriptTextReason } from "../model/script-text.js";
import type { Check, CheckInput } from "./check-input.js";

type Path = (string | number)[];

export const emitValues: Check = (input) => visit(input, input.doc, []);

function visit(input: CheckInput, value: unknown, path: Path): void {
  if (typeof value === "string") return report(input, value, path);
  if (value === null || typeof value !== "object") return;
  for (const [key, inner] of Object.entries(value)) visit(input, inner, [...path, key]);
}

function report(input: CheckInput, value: string, path: Path): void {
  const reason = scriptTextReason(value);
  if (!reason) return;
  const field = path.filter((p) => !/^\d+$/.test(String(p))).pop() ?? "value";
  input.atPointer(
    pointerOf(path),
    "error",
    "emit-value",
    `cannot emit this playbook: ${field}: ${reason}`,
    "change the value; every value must be one the target script can carry exactly",
  );
}
