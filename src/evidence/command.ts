// A read-only Windows tool as evidence (winmgmt /verifyrepository, sc.exe sdshow bits,
// bitsadmin /list /allusers): its exit code and language-neutral tokens in its output decide.
// Detection must never change the machine, so the program is a Windows tool under %windir% and
// the kind refuses verbs known to change state (docs/emitted-script-rules.md#read-only-commands).
import type { PathExpr } from "../model/path-expr.js";
import { arrayOf, described, ref, stringEnum } from "../model/json-schema.js";
import { BATCH_NO_TIMEOUT, cmdCall, cmdSet, type CmdOp } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { readOnlyVerdict } from "../model/read-only-tools.js";
import {
  lowerLiteralArgument,
  shownArgument,
  type LiteralArgument,
} from "../steps/literal-argument.js";
import type { LowerContext } from "../steps/step-kind.js";
import { defineEvidenceKind, type PlanProbeBase } from "./evidence-kind.js";

export const TOKEN_MATCHES = ["any", "all"] as const;

export interface CommandProbe extends PlanProbeBase {
  kind: "command";
  program: PathExpr;
  /** As written, or in parts when an argument names a base (%windir%). */
  args: LiteralArgument[];
  timeoutSeconds: number;
  problemCodes: number[];
  cleanCodes: number[];
  problemTokens: string[];
  cleanTokens: string[];
  match: (typeof TOKEN_MATCHES)[number];
}

/** Exit codes as Windows keeps them (32 bits); 0x80041002 and -2147217406 are the same code. */
const codes = (title: string, words: string) =>
  described(
    title,
    `${words} Codes above 0x7FFFFFFF are read as the negative number cmd.exe and .NET show.`,
    arrayOf(
      { type: "integer", minimum: -2147483648, maximum: 4294967295 },
      { minItems: 1, uniqueItems: true },
    ),
  );

const signed = (code: number) => (code > 0x7fffffff ? code - 0x100000000 : code);

const tokens = (title: string, words: string) =>
  described(
    title,
    words,
    arrayOf({ type: "string", minLength: 1, maxLength: 400 }, { minItems: 1, uniqueItems: true }),
  );

/** The folders a command probe's program may live in: Windows' own. */
const SYSTEM_BASES = new Set(["windir", "SystemRoot"]);

/** One token's case variants searched in the output, then counted as a problem or clean token. */
function tokenSearch(count: string): CmdOp[] {
  return [
    cmdSet("KB_CP_NAME", "", "token"),
    cmdSet("KB_CP_HIT", "", "empty"),
    {
      each: "",
      caseVariants: true,
      body: [cmdSet("KB_TOK", "", "token"), { call: "kb_probe_cmd_token" }],
    },
    { call: count },
  ];
}

export const command = defineEvidenceKind<CommandProbe>()({
  kind: "command",
  title: "A read-only command's exit code or output",
  readme: { covers: "a read-only Windows tool's exit code or output tokens" },
  description:
    "Runs a read-only Windows tool with literal switches (no shell, with a timeout) and reads its exit code and output: present when the code is a problem code (or not a clean code), or the output holds the problem tokens (or lacks the clean tokens). Tokens match case-insensitively; match says whether any or all of a list must be found.",
  targets: { cmd: true },
  history: false,
  properties: {
    program: ref("path"),
    args: described(
      "Arguments",
      "Literal arguments passed one by one, switches included (e.g. /verifyrepository); a base such as %windir% in one is expanded as in a path, %% is one literal %; no control characters.",
      arrayOf({ type: "string" }),
    ),
    timeoutSeconds: described(
      "Timeout",
      "Seconds before the program is ended and the probe counts as unable to look; default 60.",
      { type: "integer", minimum: 1, maximum: 600 },
    ),
    problemCodes: codes("Problem exit codes", "Exit codes that mean the problem is present."),
    cleanCodes: codes(
      "Clean exit codes",
      "Exit codes that mean all is well; any other code means the problem is present.",
    ),
    problemTokens: tokens(
      "Problem tokens",
      "Language-neutral tokens in the output that mean the problem is present.",
    ),
    cleanTokens: tokens(
      "Clean tokens",
      "Language-neutral tokens the output must hold when all is well (an SDDL string, a state code).",
    ),
    match: described(
      "Token match",
      "any: one token of a list is enough; all: every token of the list must be found. Default any.",
      stringEnum(TOKEN_MATCHES),
    ),
  },
  required: ["program"],
  cmdFields: { program: "text", args: "argument", problemTokens: "token", cleanTokens: "token" },
  textTokenFields: ["problemTokens", "cleanTokens"],
  ps1: psCall(
    "Test-KbCommandProbe",
    ["Program", "program", "path"],
    ["Arguments", "args", "literalArguments"],
    ["TimeoutSeconds", "timeoutSeconds", "int"],
    ["ProblemCodes", "problemCodes", "ints"],
    ["CleanCodes", "cleanCodes", "ints"],
    ["ProblemTokens", "problemTokens", "strings"],
    ["CleanTokens", "cleanTokens", "strings"],
    ["Match", "match", "string"],
  ),
  // The arguments first: the program's path reuses the variables kb_arg_base sets.
  cmd: {
    ...cmdCall(
      { shape: "literalArguments", field: "args" },
      { shape: "path", field: "program" },
      cmdSet("KB_CP_PROBLEM", "problemCodes", "ints"),
      cmdSet("KB_CP_CLEAN", "cleanCodes", "ints"),
      cmdSet("KB_CP_ALL", "match", "equals", "all"),
      { call: "kb_probe_cmd_run" },
      { each: "problemTokens", body: tokenSearch("kb_probe_cmd_problem_token") },
      { each: "cleanTokens", body: tokenSearch("kb_probe_cmd_clean_token") },
      { call: "kb_probe_cmd_end" },
    ),
    ignores: { timeoutSeconds: BATCH_NO_TIMEOUT },
  },
  lower(raw, ctx) {
    const program = ctx.path("program", raw.program);
    const written: string[] = raw.args ?? [];
    const args = written.map((a, i) => lowerLiteralArgument(a, `args/${i}`, ctx));
    const argsFit = args.every((a) => a !== undefined);
    const decides = raw.problemCodes ?? raw.cleanCodes ?? raw.problemTokens ?? raw.cleanTokens;
    if (!decides)
      ctx.error(
        "",
        "probe-nothing-to-test",
        "command needs problemCodes, cleanCodes, problemTokens or cleanTokens",
        "e.g. cleanCodes: [0]",
      );
    if (!program || !argsFit || !decides || !isReadOnly(program, written, ctx)) return undefined;
    return {
      kind: "command",
      program,
      args: args as LiteralArgument[],
      timeoutSeconds: raw.timeoutSeconds ?? 60,
      problemCodes: (raw.problemCodes ?? []).map(signed),
      cleanCodes: (raw.cleanCodes ?? []).map(signed),
      problemTokens: raw.problemTokens ?? [],
      cleanTokens: raw.cleanTokens ?? [],
      match: raw.match ?? "any",
    };
  },
  describe: (p) => `running ${commandLineText(p)} ${verdictText(p)}`,
});

/** The command line as the reviewer reads it (the runtime quotes each argument the same way). */
export function commandLineText(p: Pick<CommandProbe, "program" | "args">): string {
  return [p.program.text, ...p.args.map(shownArgument)].join(" ");
}

function verdictText(p: CommandProbe): string {
  const parts: string[] = [];
  if (p.problemCodes.length) parts.push(`exits with ${p.problemCodes.join(" or ")}`);
  if (p.cleanCodes.length) parts.push(`exits with other than ${p.cleanCodes.join(" or ")}`);
  const list = (t: string[]) => t.join(p.match === "all" ? " and " : " or ");
  if (p.problemTokens.length) parts.push(`prints ${list(p.problemTokens)}`);
  if (p.cleanTokens.length) parts.push(`does not print ${list(p.cleanTokens)}`);
  return parts.join(", or ");
}

/** The program is Windows' own and not run with a verb known to change the machine. */
function isReadOnly(program: PathExpr, args: string[], ctx: LowerContext): boolean {
  if (program.base.kind !== "env" || !SYSTEM_BASES.has(program.base.name)) {
    ctx.error(
      "program",
      "command-not-system",
      `a command probe runs only Windows' own tools, not ${program.text}`,
      "give the tool's path under %windir%, e.g. %windir%\\System32\\sc.exe",
    );
    return false;
  }
  const verdict = readOnlyVerdict(program.text, args);
  if (verdict.kind === "writes") {
    const index = args.indexOf(verdict.verb);
    ctx.error(
      `args/${index}`,
      "command-changes-state",
      `${verdict.verb} makes ${program.segments.at(-1)} change the machine; detection only reads`,
      "use the tool's read-only verb in the probe (e.g. sc.exe sdshow, winmgmt /verifyrepository) and the change in a run step",
    );
    return false;
  }
  if (verdict.kind !== "reads")
    ctx.warning(
      "program",
      "command-not-known-read-only",
      verdict.kind === "unknown-tool"
        ? `kbfix does not know whether ${verdict.tool} only reads`
        : `none of the arguments is a verb kbfix knows ${verdict.tool} only reads with`,
      "make sure the command changes nothing: it runs at every detection; the README shows its command line",
    );
  return true;
}
