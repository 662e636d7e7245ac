// How a step or evidence kind is called in batch, as data on the kind (beside its `ps1`
// declaration): the variables to set, each from a plan field and by a value kind, and the
// runtime subroutines to call, in order. The emitter adds the common lines once (a probe's
// KB_E_ID and result variable, its history baseline; a step's id, applies and guard) and
// turns every value into batch through the one batch quoting module (src/emit/quote-cmd.ts).
import type { CmdValueKind } from "./cmd-safe.js";

/**
 * What a value is to batch: a whitelist kind (text, glob, argument, token, slashed: one `set`
 * of the value as written), or a number or word worked out from the field.
 */
export type CmdEncoding =
  | CmdValueKind
  /** An integer. */
  | "int"
  /** A boolean as 1 or 0. */
  | "flag"
  /** Integers separated by spaces (success and exit codes), each followed by one space. */
  | "ints"
  /** How many items the list holds. */
  | "count"
  /** 1 when the field equals the word `arg`, else 0. */
  | "equals"
  /** 1 when the list holds the word `arg`, else 0. */
  | "member"
  /** Always empty: the variable is cleared before the next call. */
  | "empty"
  /** Free text the whitelist admits, else a pointer to README.md naming the record's id. */
  | "manualText"
  /** A size as 16-digit text (cmd's numbers stop at 2^31). */
  | "sizeKey"
  /** A version as four 9-digit parts, so versions compare as text; '' when absent. */
  | "versionKey";

/**
 * Values whose shape sets several fixed variables through a shared partial under
 * templates/cmd/partials (the variables are listed in CMD_SHAPE_VARIABLES).
 */
export type CmdShape =
  /** A path: its base, base name and segments, for :kb_resolve. */
  | "path"
  /** A path that must be strictly below its base (rename, delete, clear). */
  | "pathBelow"
  /** A registry value as a probe reads it (key, name, type, data as reg prints it, view). */
  | "registry"
  /** A registry-value step's value: under HKCU the key below it, as the profile's hive is found at run time. */
  | "stepRegistry"
  /** A product's registry keys, tried in turn for its installed version. */
  | "product"
  /** A run step's arguments (text, parameters, bases), quoted into KB_ARGS. */
  | "runArguments"
  /** A command probe's arguments (text, bases), quoted into KB_ARGS. */
  | "literalArguments"
  /** Start type numbers by NT version ({ nt: 1000, start: 3 }), chosen by KB_NT at run time. */
  | "serviceDefaults";

const REGISTRY_VARIABLES = [
  "KB_RKEY",
  "KB_RNAME",
  "KB_RDEFAULT",
  "KB_RTYPE",
  "KB_RWANT",
  "KB_RHEX",
  "KB_RVIEW",
];

/** The variables each shape sets (the convention test checks the batch runtime reads them). */
export const CMD_SHAPE_VARIABLES: Readonly<Record<CmdShape, readonly string[]>> = {
  path: ["KB_B", "KB_BN", "KB_BELOW", "KB_DRIVE", "KB_REL"],
  pathBelow: ["KB_B", "KB_BN", "KB_BELOW", "KB_DRIVE", "KB_REL"],
  registry: REGISTRY_VARIABLES,
  stepRegistry: [...REGISTRY_VARIABLES, "KB_RADD"],
  product: ["KB_PVER", "KB_RKEY", "KB_RNAME"],
  runArguments: ["KB_ARGS", "KB_ARG_BAD", "KB_A", "KB_B", "KB_BN", "KB_DRIVE"],
  literalArguments: ["KB_ARGS", "KB_ARG_BAD", "KB_A", "KB_B", "KB_BN", "KB_DRIVE"],
  serviceDefaults: ["KB_WANT_START"],
};

/** A field of the lowered step or probe; "" is the record itself (or, inside `each`, the item). */
type FieldOf<T> = Extract<keyof T, string> | "";

/**
 * The kind's own reading of a field (a start type as the runtime's number, an attribute as the
 * word set or clear) into plain data, which the encoding or shape then quotes: kinds never
 * write batch text themselves.
 */
export type CmdFrom = (value: any, record: any) => unknown;

export type CmdOp<T = any> =
  /** `set "NAME=value"`: the field's value by its encoding (`arg` for equals and member). */
  | { set: string; field: FieldOf<T>; as: CmdEncoding; arg?: string; from?: CmdFrom }
  /** The lines of a shape's shared partial for the field's value. */
  | { shape: CmdShape; field: FieldOf<T>; from?: CmdFrom }
  /**
   * `call :label`, a subroutine of the batch runtime (templates/cmd/runtime); with `onlyWhen`,
   * only when each variable holds its word ('' : is not defined), which spares a call per line
   * where the routine would do nothing (cmd looks a label up by reading the file).
   */
  | { call: string; onlyWhen?: Readonly<Record<string, string>> }
  /**
   * The body once per item of a list field ("" inside a body: the item); with `caseVariants`,
   * once per case variant of its tokens (find has no portable /i).
   */
  | { each: FieldOf<T>; caseVariants?: true; body: readonly CmdOp<any>[] };

/** While a token search is on and has found nothing yet (:kb_probe_token in runtime/detection). */
export const CMD_SEARCHING: Readonly<Record<string, string>> = { KB_SEARCH: "1", KB_FOUND: "" };

/** History evidence's baseline (templates/cmd/partials/history.hbs): per-probe variables. */
export interface CmdHistory {
  /** Runtime variable -> the per-probe value it starts from: BASE, START, CUR or MEMO. */
  load: Readonly<Record<string, CmdHistorySlot>>;
  /** Per-probe value -> the runtime variable it is kept from after the probe ran. */
  keep: Readonly<Partial<Record<CmdHistorySlot, string>>>;
}

export type CmdHistorySlot = "BASE" | "START" | "CUR" | "MEMO";

export interface CmdCall<T = any> {
  ops: readonly CmdOp<T>[];
  /** Nested steps run once per profile: the variable naming their body's label (per-user). */
  block?: { set: string; field: FieldOf<T> };
  history?: CmdHistory;
  /**
   * The shared subroutine the kind's runtime hands its step to: :kb_state_step (read, compare,
   * set, read again) or :kb_oneshot_step (plan, act). The script carries it only when a kind
   * it runs names it.
   */
  lifecycle?: CmdLifecycle;
  /**
   * Plan fields the batch script cannot honour, each with why: the convention test requires
   * every other property of the kind to reach an op (docs/emitted-script-rules.md).
   */
  ignores?: Readonly<Partial<Record<FieldOf<T>, string>>>;
}

export type CmdLifecycle = "state" | "one-shot";

/**
 * The labels a kind enters each lifecycle by (templates/cmd/runtime/lifecycle.cmd and
 * oneshot.cmd; registry-value enters the state lifecycle after its guard, between loading a
 * profile's hive and unloading it).
 */
export const CMD_LIFECYCLES: Readonly<Record<CmdLifecycle, { entries: readonly string[] }>> = {
  state: { entries: ["kb_state_step", "kb_state_change"] },
  "one-shot": { entries: ["kb_oneshot_step"] },
};

/** Why a run step or command probe's timeoutSeconds is a PowerShell-only guard. */
export const BATCH_NO_TIMEOUT =
  "batch cannot end a hung program: the script waits for it, as start /wait does";

/** Shorthand for the declaration: cmdCall(op, op, ...). */
export function cmdCall<T>(...ops: CmdOp<T>[]): CmdCall<T> {
  return { ops };
}

/** A declaration whose runtime hands the step to a lifecycle subroutine. */
export function withLifecycle<T>(lifecycle: CmdLifecycle, call: CmdCall<T>): CmdCall<T> {
  return { ...call, lifecycle };
}

/** `set "NAME=value"` from a field by an encoding: with a word for equals and member, or read `from`. */
export function cmdSet<T>(
  name: string,
  field: FieldOf<T>,
  as: CmdEncoding,
  option?: string | { from: CmdFrom },
): CmdOp<T> {
  if (option === undefined) return { set: name, field, as };
  return typeof option === "string"
    ? { set: name, field, as, arg: option }
    : { set: name, field, as, from: option.from };
}

/** Every subroutine a declaration calls and every variable it sets, for the convention test. */
export function cmdCallPieces(call: CmdCall): { labels: string[]; variables: string[] } {
  const labels: string[] = [];
  const variables: string[] = [];
  const walk = (ops: readonly CmdOp[]) => {
    for (const op of ops) {
      if ("call" in op) labels.push(op.call);
      else if ("set" in op) variables.push(op.set);
      else if ("shape" in op) variables.push(...CMD_SHAPE_VARIABLES[op.shape]);
      else walk(op.body);
    }
  };
  walk(call.ops);
  if (call.block) variables.push(call.block.set);
  // A variable loaded and kept again round-trips: the probe's own lines read it back.
  const kept = new Set(Object.values(call.history?.keep ?? {}));
  if (call.history) variables.push(...Object.keys(call.history.load).filter((v) => !kept.has(v)));
  return { labels: [...new Set(labels)], variables: [...new Set(variables)] };
}
