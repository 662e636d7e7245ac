// A kind's batch call as text, from its declaration (src/model/cmd-call.ts): the `set` lines
// and shared partials in the declared order, with the calls between them. A probe gets its
// common lines around them (its id, its history baseline, its result variable); a step's id,
// applies and guard come from templates/cmd/partials/step.hbs.
import type { CmdCall, CmdFrom, CmdHistorySlot, CmdOp } from "../../model/cmd-call.js";
import type { Span } from "../../diagnostic.js";
import { spanOf, type FieldSpans } from "../../plan/field-spans.js";
import { EmitError } from "../bytes.js";
import { cmdName, cmdValue } from "../quote-cmd.js";
import { QuoteError } from "../quote-ps.js";
import { cmdEncode, cmdShapeLines, type CmdPartial } from "./cmd-encode.js";
import { stepKinds, type StepKindName } from "../../steps/index.js";
import { evidenceKinds, type EvidenceKindName } from "../../evidence/index.js";
import { caseVariants } from "./cmd-values.js";

type Fields = Record<string, any>;

/** A runtime subroutine as kbfix names them. */
function cmdLabel(label: string): string {
  if (!/^kb_[a-z0-9_]+$/.test(label)) throw new QuoteError(`'${label}' is not a kbfix subroutine`);
  return label;
}

/** `if "%NAME%"=="word" ` per condition; a word of '' is `if not defined NAME `. */
function conditions(when: Readonly<Record<string, string>>): string {
  return Object.entries(when)
    .map(([name, word]) => {
      if (word === "") return `if not defined ${cmdName(name)} `;
      if (!/^[A-Za-z0-9]+$/.test(word)) throw new QuoteError(`'${word}' is not a condition word`);
      return `if "%${cmdName(name)}%"=="${word}" `;
    })
    .join("");
}

/** A quoting failure placed at the field of the step or probe that holds the value. */
function atField<T>(record: Fields, field: string, render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (!(error instanceof QuoteError)) throw error;
    const node = record as { span?: Span; fieldSpans?: FieldSpans };
    const span = node.span && spanOf({ span: node.span, fieldSpans: node.fieldSpans }, field);
    throw new EmitError(`${field || "value"}: ${error.message}`, span);
  }
}

/** The lines of a list of operations, `item` standing for "" inside an each body. */
function opLines(
  ops: readonly CmdOp[],
  record: Fields,
  item: unknown,
  partial: CmdPartial,
): string {
  const valueOf = (op: { field: string; from?: CmdFrom }) => {
    const value = op.field === "" ? item : record[op.field];
    return op.from ? op.from(value, record) : value;
  };
  return ops
    .map((op) => {
      if ("call" in op) return `${conditions(op.onlyWhen ?? {})}call :${cmdLabel(op.call)}\n`;
      if ("set" in op)
        return atField(record, op.field, () => {
          const value = cmdEncode(valueOf(op), op.as, op.arg ?? "", record);
          return `set "${cmdName(op.set)}=${value}"\n`;
        });
      if ("shape" in op)
        return atField(record, op.field, () => cmdShapeLines(valueOf(op), op.shape, partial));
      const list = valueOf({ field: op.each }) as string | string[];
      const items = op.caseVariants ? caseVariants(typeof list === "string" ? [list] : list) : list;
      return (items as unknown[]).map((i) => opLines(op.body, record, i, partial)).join("");
    })
    .join("");
}

const withoutLastNewline = (text: string) => text.replace(/\n$/, "");

/** A kind's batch declaration; every kind with targets.cmd has one (the convention test). */
function batchCall(kind: { kind: string; cmd?: CmdCall }): CmdCall {
  if (!kind.cmd)
    throw new QuoteError(`kind '${kind.kind}' targets batch but declares no batch call`);
  return kind.cmd;
}

/** A step's call: its kind's lines; the block's label variable first when it has one. */
export function cmdStepCall(step: Fields & { kind: string; label: string }, partial: CmdPartial) {
  const call = batchCall(stepKinds[step.kind as StepKindName]);
  const block = call.block ? `set "${cmdName(call.block.set)}=${cmdName(step.label)}_body"\n` : "";
  return withoutLastNewline(block + opLines(call.ops, step, step, partial));
}

/**
 * A probe's call: its id, its history baseline (by the probe's key), its kind's lines, what
 * it keeps for the history (in variables named by its slot, E<n>; not by `key`, which is a
 * registry probe's own field), and its result in its own variable.
 */
export function cmdProbeCall(
  probe: Fields & { kind: string; slot: string; var: string },
  partial: CmdPartial,
): string {
  const call = batchCall(evidenceKinds[probe.kind as EvidenceKindName]);
  const slot = (s: CmdHistorySlot) => `KB_${s}_${cmdName(probe.slot)}`;
  const load = Object.entries(call.history?.load ?? {}).map(
    ([name, s]) => `set "${cmdName(name)}=%${slot(s)}%"\n`,
  );
  const keep = Object.entries(call.history?.keep ?? {}).map(
    ([s, name]) => `set "${slot(s as CmdHistorySlot)}=%${cmdName(name!)}%"\n`,
  );
  return withoutLastNewline(
    `set "KB_E_ID=${cmdValue(probe.id)}"\n` +
      load.join("") +
      opLines(call.ops, probe, probe, partial) +
      keep.join("") +
      `set "${cmdName(probe.var)}=%KB_PR%"\n`,
  );
}
