// A literal argument the playbook writes for a program (run, command probes): checked once here,
// and lowered to its text, or to its parts when it names a base (src/model/argument-expr.ts).
import {
  argumentBasesText,
  hasPercent,
  parseArgument,
  type ArgumentExpr,
} from "../model/argument-expr.js";
import type { LowerContext } from "./step-kind.js";

/** The argument as written when it has no %; its parts when it has. */
export type LiteralArgument = string | ArgumentExpr;

export function lowerLiteralArgument(
  a: string,
  field: string,
  ctx: LowerContext,
): LiteralArgument | undefined {
  if (!literalArgumentFits(a, field, ctx)) return undefined;
  if (!hasPercent(a)) return a;
  const parsed = parseArgument(a);
  if (parsed.ok) return parsed.expr;
  ctx.error(
    field,
    "unknown-argument-variable",
    `argument ${JSON.stringify(a)} has ${parsed.reason}: no shell expands it for the program`,
    unknownHint(parsed.name, ctx),
  );
  return undefined;
}

function unknownHint(name: string, ctx: LowerContext): string {
  const literal = "write %% for a % the program must receive";
  if (name && ctx.parameterType(name))
    return `pass the parameter as a whole argument, { parameter: ${name} }; ${literal}`;
  return `an argument may name ${argumentBasesText()}; ${literal}`;
}

/** What the reviewer reads: the argument as written, in quotes when it has a space or quote. */
export function shownArgument(a: LiteralArgument): string {
  const text = typeof a === "string" ? a : a.written;
  return text.length > 0 && !/[\s"]/.test(text) ? text : JSON.stringify(text);
}

/**
 * A literal is code the reviewer reads: switches, quotes and spaces are carried exactly by the
 * runtime's quoting (docs/emitted-script-rules.md#argv-quoting). A Windows command line cannot
 * hold NUL, and line breaks in an argument are almost always a mistake in the playbook.
 */
export function literalArgumentFits(a: string, field: string, ctx: LowerContext): boolean {
  if (!/[\x00-\x08\x0a-\x1f\x7f]/.test(a)) return true;
  ctx.error(
    field,
    "unsafe-argument",
    `argument ${JSON.stringify(a)} holds a control character, which a command line cannot carry`,
    "write the argument on one line, without control characters",
  );
  return false;
}
