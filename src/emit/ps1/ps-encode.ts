// A plan value as PowerShell, by the encoding a kind declares for it (src/model/ps-call.ts).
// Every encoding ends in the quoting functions; nothing else reaches a script.
import type { PsEncoding } from "../../model/ps-call.js";
import {
  psBool,
  psInteger,
  psIntegerArray,
  psString,
  psStringArray,
  psStringOrNull,
  QuoteError,
} from "../quote-ps.js";
import {
  psGuard,
  psPath,
  psPaths,
  psRegistryData,
  psRegistryKey,
  psRegistryType,
  psLiteralArguments,
  psRunArguments,
} from "./ps-values.js";

const ENCODERS: Record<PsEncoding, (value: any) => string> = {
  string: (v) => psString(String(v)),
  stringOrNull: (v) => psStringOrNull(v === undefined || v === null ? undefined : String(v)),
  strings: (v) => psStringArray(v),
  int: (v) => psInteger(v),
  ints: (v) => psIntegerArray(v),
  bool: (v) => psBool(Boolean(v)),
  path: psPath,
  paths: psPaths,
  registryKey: psRegistryKey,
  registryType: psRegistryType,
  registryData: psRegistryData,
  runArguments: psRunArguments,
  literalArguments: psLiteralArguments,
  guard: psGuard,
  context: psContextVariable,
};

/** The per-user block's parameters, the only variables a step call may name. */
function psContextVariable(name: string): string {
  if (!["KbProfileRoot", "KbProfileLabel", "KbProfileSid"].includes(name))
    throw new QuoteError(`'${name}' is not a per-user context variable`);
  return `$${name}`;
}

export function psEncode(value: unknown, as: PsEncoding): string {
  const encode = ENCODERS[as];
  if (!encode) throw new QuoteError(`unknown PowerShell encoding '${as}'`);
  return encode(value);
}

/** A runtime function name as kbfix defines them: Verb-KbNoun. */
export function psCommand(name: string): string {
  if (!/^[A-Z][A-Za-z]+-Kb[A-Za-z0-9]+$/.test(name))
    throw new QuoteError(`'${name}' is not a kbfix runtime function`);
  return name;
}
