// A literal program argument may name a machine base anywhere inside it
// (/log:%windir%\Logs\dism.log): no shell expands it for a program started directly, so the
// scripts do, exactly as they resolve the base of a path field
// (docs/emitted-script-rules.md#bases-in-arguments). In an argument every % starts a base or
// is doubled: %% is one literal %, and any other % is refused.
import { MACHINE_BASES, type MachineBase } from "./path-expr.js";

/** Literal text, or the value of a machine base on this machine. */
export type ArgumentPart = { text: string } | { base: MachineBase };

/** An argument with at least one %: what the author wrote, and its parts. */
export interface ArgumentExpr {
  written: string;
  parts: ArgumentPart[];
}

export type ArgumentParseResult =
  { ok: true; expr: ArgumentExpr } | { ok: false; reason: string; name: string };

/** %%, or % NAME % with a name of letters, digits and the characters base names use. */
const PERCENT = /%%|%([A-Za-z0-9_()]+)%|%/g;

/** True when the argument has a % to parse; an argument without one is passed as written. */
export function hasPercent(text: string): boolean {
  return text.includes("%");
}

export function parseArgument(written: string): ArgumentParseResult {
  const parts: ArgumentPart[] = [];
  let text = "";
  let at = 0;
  for (const m of written.matchAll(PERCENT)) {
    text += written.slice(at, m.index);
    at = m.index + m[0].length;
    if (m[0] === "%%") {
      text += "%";
      continue;
    }
    const name = m[1];
    const base = name && MACHINE_BASES.find((b) => b.toLowerCase() === name.toLowerCase());
    if (!base)
      return name
        ? { ok: false, name, reason: `%${name}%, which is not a base kbfix knows` }
        : { ok: false, name: "", reason: "a % that starts no base" };
    if (text) parts.push({ text });
    text = "";
    parts.push({ base });
  }
  text += written.slice(at);
  if (text) parts.push({ text });
  return { ok: true, expr: { written, parts } };
}

/** The bases an argument may name, for hints. */
export function argumentBasesText(): string {
  return MACHINE_BASES.map((b) => `%${b}%`).join(", ");
}
