// The only way a playbook value enters a batch script (docs/emitted-script-rules.md#cmd-value-whitelist): values that
// pass the whitelist go in verbatim inside `set "NAME=value"`; anything else was
// already rejected by the checker, and reaching here is a compiler bug.
import { cmdSafeReason } from "../model/cmd-safe.js";
import { QuoteError } from "./quote-ps.js";

export function cmdValue(value: string, glob = false): string {
  const reason = cmdSafeReason(value, glob ? "glob" : "text");
  if (reason) throw new QuoteError(`value ${reason} (batch)`);
  return value;
}

/** A value that may hold a / after its first character (an event log name, a data token). */
export function cmdSlashValue(value: string): string {
  const reason = cmdSafeReason(value, "slashed");
  if (reason) throw new QuoteError(`value ${reason} (batch)`);
  return value;
}

/** A run argument the playbook's author wrote: the whitelist, but a leading - or / is a switch. */
export function cmdSwitch(value: string): string {
  const reason = cmdSafeReason(value, "argument");
  if (reason) throw new QuoteError(`argument ${reason} (batch)`);
  return value;
}

/** A token searched for in a program's output: the whitelist plus ( ) ; (SDDL strings). */
export function cmdToken(value: string): string {
  const reason = cmdSafeReason(value, "token");
  if (reason) throw new QuoteError(`token ${reason} (batch)`);
  return value;
}

export function cmdInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new QuoteError(`${value} is not an integer`);
  return String(value);
}

/** Variable names the batch script defines: our own identifiers only. */
export function cmdName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,60}$/.test(name))
    throw new QuoteError(`'${name}' is not a batch variable name kbfix emits`);
  return name;
}
