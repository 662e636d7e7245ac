// The only way a playbook value enters PowerShell (docs/emitted-script-rules.md#ps-quoted-literals): a verbatim
// single-quoted literal for printable ASCII, otherwise a Base64 decode expression,
// so no character of the value is ever read by the PowerShell tokenizer.
import { LONE_SURROGATE } from "../model/script-text.js";

export class QuoteError extends Error {}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** A PowerShell expression whose value is exactly `value`. */
export function psString(value: string): string {
  if (LONE_SURROGATE.test(value))
    throw new QuoteError("contains a lone surrogate, which has no UTF-8 encoding");
  if (PRINTABLE_ASCII.test(value)) return `'${value.replace(/'/g, "''")}'`;
  const base64 = Buffer.from(value, "utf8").toString("base64");
  return `([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('${base64}')))`;
}

export function psStringOrNull(value: string | undefined): string {
  return value === undefined ? "$null" : psString(value);
}

export function psInteger(value: number | bigint): string {
  if (typeof value === "number" && !Number.isSafeInteger(value))
    throw new QuoteError(`${value} is not an integer`);
  return String(value);
}

export function psBool(value: boolean): string {
  return value ? "$true" : "$false";
}

export function psStringArray(values: readonly string[]): string {
  return `@(${values.map(psString).join(", ")})`;
}

export function psIntegerArray(values: readonly number[]): string {
  return `@(${values.map(psInteger).join(", ")})`;
}

/** A hashtable literal from already-quoted expressions; keys are our own identifiers. */
export function psHashtable(entries: Record<string, string>): string {
  const keys = Object.keys(entries);
  for (const key of keys)
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key))
      throw new QuoteError(`'${key}' is not a hashtable key kbfix emits`);
  return keys.length ? `@{ ${keys.map((k) => `${k} = ${entries[k]}`).join("; ")} }` : "@{}";
}

/** A variable name made from a schema-validated parameter name; anything else is a bug. */
export function psVariable(name: string): string {
  if (!/^[A-Z][A-Za-z0-9]{1,39}$/.test(name))
    throw new QuoteError(`'${name}' is not a parameter name`);
  return `$${name}`;
}

/** A hashtable key or outcome name kbfix itself defines (never playbook text). */
export function psKey(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]{0,60}$/.test(name))
    throw new QuoteError(`'${name}' is not a key kbfix emits`);
  return name;
}

/**
 * Text for comment-based help (.PARAMETER): a comment cannot hold an escaped value, so the text
 * is made harmless instead: printable ASCII only (others become '?'), one paragraph wrapped at
 * `width`, no '#>' that would close the help block, and no line that starts with '.', where
 * PowerShell would look for a help keyword. Returns the lines, without indentation.
 */
export function psHelpLines(value: string, width = 92): string[] {
  const flat = value
    .replace(/[\t\r\n]+/g, " ")
    .replace(/[^\x20-\x7e]/gu, "?")
    .replace(/#>/g, "# >")
    .replace(/ {2,}/g, " ")
    .trim();
  const lines: string[] = [];
  let line = "";
  for (const word of flat.split(" ")) {
    if (line && line.length + 1 + word.length > width) (lines.push(line), (line = ""));
    line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => (l.startsWith(".") ? `(${l})` : l));
}

/** 'a', 'b': a constant list for attribute arguments such as ValidateSet, where @() is not allowed. */
export function psStringList(values: readonly string[]): string {
  return values.map(psString).join(", ");
}
