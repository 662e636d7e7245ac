// A kind's PowerShell call as text: the common arguments first (Id, Guard), then
// the kind's own, then the profile context. Short calls stay on one line; longer
// ones become a splatted hashtable with one field per line, so a reviewer reads
// each value on its own.
import type { PsArgument, PsCall } from "../../model/ps-call.js";
import type { Span } from "../../diagnostic.js";
import { spanOf, type FieldSpans } from "../../plan/field-spans.js";
import { EmitError } from "../bytes.js";
import { psKey, QuoteError } from "../quote-ps.js";
import { psCommand, psEncode } from "./ps-encode.js";

export const INLINE_CALL_MAX = 120;

type Fields = Record<string, unknown>;

const PROFILE_CONTEXT: PsArgument[] = [
  { name: "ProfileRoot", field: "", as: "context" },
  { name: "ProfileLabel", field: "", as: "context" },
];
/** For a kind that changes the profile's registry hive (registry-value under HKCU). */
const PROFILE_SID: PsArgument = { name: "ProfileSid", field: "", as: "context" };

/** What a kind receives from the per-user block it runs in. */
export interface ProfileContext {
  inPerUser: boolean;
  perUserKind: boolean;
  profileSid?: boolean;
}

/** The arguments that reach the call: an optional one only when its field is set. */
function present(args: PsArgument[], fields: Fields): PsArgument[] {
  return args.filter((a) => !a.optional || fields[a.field] !== undefined);
}

function encoded(arg: PsArgument, fields: Fields): [string, string] {
  const value = arg.as === "context" ? `Kb${arg.name}` : fields[arg.field];
  try {
    return [psKey(arg.name), psEncode(arg.from ? arg.from(value, fields) : value, arg.as)];
  } catch (error) {
    if (!(error instanceof QuoteError)) throw error;
    const node = fields as { span?: Span; fieldSpans?: FieldSpans };
    const span = node.span && spanOf({ span: node.span, fieldSpans: node.fieldSpans }, arg.field);
    throw new EmitError(`${arg.field}: ${error.message}`, span);
  }
}

/** `Command -Name value ...` on one line. */
function inlineCall(call: PsCall, pairs: [string, string][]): string {
  return `${psCommand(call.command)}${pairs.map(([k, v]) => ` -${k} ${v}`).join("")}`;
}

function stepCallText(
  call: PsCall,
  args: PsArgument[],
  fields: Fields,
  verify: string | undefined,
): string {
  const pairs = present(args, fields).map((a) => encoded(a, fields));
  if (verify !== undefined) pairs.push(["Verify", `{ ${verify} }`]);
  const block = call.block ? ` -${psKey(call.block.name)} {` : "";
  const inline = inlineCall(call, pairs) + block;
  if (inline.length <= INLINE_CALL_MAX) return inline;
  const lines = pairs.map(([k, v]) => `    ${k} = ${v}`);
  return ["$kbStep = @{", ...lines, "}", `${psCommand(call.command)} @kbStep${block}`].join("\n");
}

/**
 * A step: Id, Guard, its own arguments, the profile context when it runs per user, and its
 * verify probe's call (as a script block) when it has one.
 */
export function psStepCallText(
  call: PsCall,
  step: Fields,
  context: ProfileContext,
  verify?: string,
): string {
  const inProfile = context.inPerUser && context.perUserKind;
  const args: PsArgument[] = [
    { name: "Id", field: "id", as: "string" },
    // No guard: the call leaves -Guard out, and every step function defaults it to $null.
    { name: "Guard", field: "guard", as: "guard", optional: true },
    ...call.args,
    ...(inProfile ? PROFILE_CONTEXT : []),
    ...(inProfile && context.profileSid ? [PROFILE_SID] : []),
  ];
  return stepCallText(call, args, step, verify);
}

function probePairs(call: PsCall, probe: Fields): [string, string][] {
  const args: PsArgument[] = [{ name: "Id", field: "id", as: "string" }, ...call.args];
  return present(args, probe).map((a) => encoded(a, probe));
}

/** A probe as one call on one line, Id first (a step's verify script block). */
export function psProbeCallText(call: PsCall, probe: Fields): string {
  return inlineCall(call, probePairs(call, probe));
}

/**
 * A probe as the statements of its evidence group: one line when short, else its fields in a
 * splatted hashtable, one per line, as a step's call.
 */
export function psProbeStatementsText(call: PsCall, probe: Fields): string {
  const pairs = probePairs(call, probe);
  const inline = inlineCall(call, pairs);
  if (inline.length <= INLINE_CALL_MAX) return inline;
  const lines = pairs.map(([k, v]) => `    ${k} = ${v}`);
  return ["$kbProbe = @{", ...lines, "}", `${psCommand(call.command)} @kbProbe`].join("\n");
}
