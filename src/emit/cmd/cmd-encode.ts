// A plan value as batch, by the encoding or shape a kind declares for it (src/model/cmd-call.ts).
// Every value ends in the batch quoting functions (src/emit/quote-cmd.ts); shapes render the
// shared partials under templates/cmd/partials, which quote through the same functions.
import type { CmdEncoding, CmdShape } from "../../model/cmd-call.js";
import { cmdInteger, cmdSlashValue, cmdSwitch, cmdToken, cmdValue } from "../quote-cmd.js";
import { QuoteError } from "../quote-ps.js";
import { literalArgumentView, runArgumentView } from "./cmd-arguments.js";
import { registryView } from "./cmd-registry.js";
import { pathView, productView, sizeKey, versionKey } from "./cmd-values.js";
import { safeText } from "./cmd-safe-text.js";

type Fields = Record<string, any>;

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const flag = (b: boolean) => (b ? "1" : "0");

const ENCODERS: Record<CmdEncoding, (value: any, arg: string, record: Fields) => string> = {
  text: (v) => cmdValue(text(v)),
  glob: (v) => cmdValue(text(v), true),
  slashed: (v) => cmdSlashValue(text(v)),
  argument: (v) => cmdSwitch(text(v)),
  token: (v) => cmdToken(text(v)),
  int: (v) => cmdInteger(v),
  flag: (v) => flag(Boolean(v)),
  ints: (v: number[]) => v.map((n) => `${cmdInteger(n)} `).join(""),
  count: (v: unknown[]) => cmdInteger(v.length),
  equals: (v, arg) => flag(v === arg),
  member: (v: string[], arg) => flag(v.includes(arg)),
  empty: () => "",
  manualText: (v, _arg, r) => cmdValue(safeText(text(v), `see README.md, step ${r.id}`)),
  sizeKey: (v) => cmdValue(sizeKey(v)),
  versionKey: (v) => cmdValue(versionKey(v)),
};

export function cmdEncode(value: unknown, as: CmdEncoding, arg: string, record: Fields): string {
  const encode = ENCODERS[as];
  if (!encode) throw new QuoteError(`unknown batch encoding '${as}'`);
  return encode(value, arg, record);
}

/** Renders a shared partial under templates/cmd/partials by its name there (path, registry...). */
export type CmdPartial = (name: string, view: unknown) => string;

/** { nt: 1000, start: 3 } -> a line choosing the start type on that Windows. */
function defaultLine(row: { nt: number; start: number }): string {
  return `if "%KB_NT%"=="${cmdInteger(row.nt)}" set "KB_WANT_START=${cmdInteger(row.start)}"\n`;
}

function argumentLines(views: unknown[], partial: CmdPartial): string {
  return 'set "KB_ARGS="\nset "KB_ARG_BAD="\n' + views.map((v) => partial("argument", v)).join("");
}

/** A registry-value step: a profile's hive is found at run time, so the key is the one below HKCU. */
function stepRegistry(s: Fields, partial: CmdPartial): string {
  const view =
    s.hive === "user"
      ? registryView(s.key.slice(5), s.name, s.data)
      : registryView(s.key, s.name, s.data, s.view);
  return partial("registry", { ...view, write: true });
}

/** A registry-value probe only reads: no data for reg add. */
function probeRegistry(p: Fields, partial: CmdPartial): string {
  return partial("registry", { ...registryView(p.key, p.name, p.expected, p.view), write: false });
}

const SHAPES: Record<CmdShape, (value: any, partial: CmdPartial) => string> = {
  path: (v, partial) => partial("path", pathView(v)),
  pathBelow: (v, partial) => partial("path", pathView(v, true)),
  registry: probeRegistry,
  stepRegistry,
  product: (id, partial) => partial("product", productView(id)),
  runArguments: (args: any[], partial) => argumentLines(args.map(runArgumentView), partial),
  literalArguments: (args: any[], partial) => argumentLines(args.map(literalArgumentView), partial),
  serviceDefaults: (rows: { nt: number; start: number }[]) => rows.map(defaultLine).join(""),
};

/** A shape's lines, each ending in a newline. */
export function cmdShapeLines(value: unknown, shape: CmdShape, partial: CmdPartial): string {
  const render = SHAPES[shape];
  if (!render) throw new QuoteError(`unknown batch shape '${shape}'`);
  return render(value, partial);
}
