// How a step or evidence kind is called in PowerShell, as data on the kind: the
// runtime function and, per argument, the plan field and how it is encoded. The
// emitter adds the common arguments once (Id, Guard, the profile context) and
// turns each value into PowerShell through the quoting functions.

/** The encodings the PowerShell emitter knows (src/emit/ps1/ps-encode.ts). */
export type PsEncoding =
  | "string"
  | "stringOrNull"
  | "strings"
  | "int"
  | "ints"
  | "bool"
  | "path"
  | "paths"
  | "registryKey"
  | "registryType"
  | "registryData"
  | "runArguments"
  | "literalArguments"
  /** Added by the emitter for every step: its guard. */
  | "guard"
  /** Added by the emitter inside a per-user step: a variable the per-user block defines. */
  | "context";

/** A field of the lowered step or probe: TypeScript rejects a name the kind does not have. */
type FieldOf<T> = Extract<keyof T, string>;

export interface PsArgument<T = any> {
  /** The runtime function's parameter name, e.g. NewName. */
  name: string;
  /** The plan field the value comes from. */
  field: FieldOf<T>;
  as: PsEncoding;
  /** Left out of the call when the field is absent (the function's own default then holds). */
  optional?: boolean;
  /**
   * The kind's own reading of the field (an event level as its numbers, an attribute as its
   * .NET name): plain data, which the encoding then quotes. Kinds never write PowerShell.
   */
  from?: (value: any, record: any) => unknown;
}

/** What may follow an argument's encoding in the shorthand. */
export type PsArgumentOptions = "optional" | { optional?: true; from: PsArgument["from"] };

export interface PsCall<T = any> {
  /** The runtime function, e.g. Invoke-KbRenameStep (defined under templates/ps1/runtime). */
  command: string;
  args: readonly PsArgument<T>[];
  /** A field of nested steps passed as a script block (per-user). */
  block?: { name: string; field: FieldOf<T> };
}

/**
 * Shorthand for a kind's declaration: psCall("Invoke-KbRenameStep", ["Path", "path", "path"], ...);
 * a fourth element "optional" leaves the argument out when the field is absent, and `{ from }`
 * reads the field through the kind's own function first.
 */
export function psCall<T>(
  command: string,
  ...args: (
    [string, FieldOf<T>, PsEncoding] | [string, FieldOf<T>, PsEncoding, PsArgumentOptions]
  )[]
): PsCall<T> {
  return {
    command,
    args: args.map(([name, field, as, options]) => psArgument(name, field, as, options)),
  };
}

function psArgument<T>(
  name: string,
  field: FieldOf<T>,
  as: PsEncoding,
  options: PsArgumentOptions | undefined,
): PsArgument<T> {
  if (options === undefined) return { name, field, as };
  if (options === "optional") return { name, field, as, optional: true };
  return { name, field, as, ...options };
}
