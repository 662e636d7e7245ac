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

/** The batch runtime's start type codes: sc's numbers, and 5 for a delayed automatic start. */
const START_NUMBERS: Record<string, number> = {
  automatic: 2,
  manual: 3,
  disabled: 4,
  "automatic-delayed": 5,
};

/** Windows event levels by name (information is 0 or 4, as Event Viewer shows both). */
const LEVELS: Record<string, number[]> = {
  critical: [1],
  error: [2],
  warning: [3],
  information: [0, 4],
};

const DAY_MS = 86_400_000;

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const flag = (b: boolean) => (b ? "1" : "0");

/** An event probe's XPath filter; each value inside it passed its quoting function. */
function eventQuery(p: Fields): string {
  const ors = (name: string, values: number[]) =>
    values.map((v) => `${name}=${cmdInteger(v)}`).join(" or ");
  return (
    `*[System[Provider[@Name='${cmdValue(p.provider)}'] and (${ors("EventID", p.ids)})` +
    ` and (${ors("Level", LEVELS[p.level] ?? [])})` +
    ` and TimeCreated[timediff(@SystemTime) <= ${cmdInteger(p.withinDays * DAY_MS)}]`
  );
}

function attributeWord(r: Fields, attribute: string): string {
  if ((r.set as string[]).includes(attribute)) return "set";
  return (r.clear as string[]).includes(attribute) ? "clear" : "";
}

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
  startNumber: (v) => cmdInteger(START_NUMBERS[text(v)] ?? 0),
  attributeWord: (r, arg) => attributeWord(r, arg),
  manualText: (v, _arg, r) => cmdValue(safeText(text(v), `see README.md, step ${r.id}`)),
  sizeKey: (v) => cmdValue(sizeKey(v)),
  versionKey: (v) => cmdValue(versionKey(v)),
  eventQuery: (r) => eventQuery(r),
  eventMatchAll: (r) => flag(r.dataMatch === "all" && r.dataTokens.length > 1),
};

export function cmdEncode(value: unknown, as: CmdEncoding, arg: string, record: Fields): string {
  const encode = ENCODERS[as];
  if (!encode) throw new QuoteError(`unknown batch encoding '${as}'`);
  return encode(value, arg, record);
}

/** Renders a shared partial under templates/cmd/partials by its name there (path, registry...). */
export type CmdPartial = (name: string, view: unknown) => string;

/** "10.0=manual" -> a line choosing the start type on that Windows (KB_NT 1000, code 3). */
function defaultLine(row: string): string {
  const [nt, startType] = row.split("=") as [string, string];
  const [major, minor] = nt.split(".").map(Number) as [number, number];
  const number = START_NUMBERS[startType] ?? 0;
  return `if "%KB_NT%"=="${cmdInteger(major * 100 + minor)}" set "KB_WANT_START=${cmdInteger(number)}"\n`;
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
  serviceDefaults: (rows: string[]) => rows.map(defaultLine).join(""),
};

/** A shape's lines, each ending in a newline. */
export function cmdShapeLines(value: unknown, shape: CmdShape, partial: CmdPartial): string {
  const render = SHAPES[shape];
  if (!render) throw new QuoteError(`unknown batch shape '${shape}'`);
  return render(value, partial);
}
