// Run a native program (CCMCertFix.exe) with an argument array and declared
// success exit codes; always behind a guard, never through a shell.
import type { ArgumentExpr } from "../model/argument-expr.js";
import type { PathExpr } from "../model/path-expr.js";
import { arrayOf, closedObject, described, ref } from "../model/json-schema.js";
import { BATCH_NO_TIMEOUT, cmdCall, cmdSet, withLifecycle } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { lowerLiteralArgument } from "./literal-argument.js";
import { defineStepKind, type LowerContext, type PlanStepBase } from "./step-kind.js";
import { lowerSuccessCodes, successCodesProperty } from "./success-codes.js";

/** A literal without %, a parameter's value, or a literal naming bases (/log:%windir%\x.log). */
export type RunArgument = { literal: string } | { parameter: string } | ArgumentExpr;

export interface RunStep extends PlanStepBase {
  kind: "run";
  program: PathExpr;
  args: RunArgument[];
  successCodes: number[];
  timeoutSeconds: number;
}

const argument = {
  oneOf: [
    described(
      "Literal argument",
      "A literal argument, passed exactly (switches such as /reset and quotes included); a base such as %windir% anywhere in it is expanded as in a path, %% is one literal %; no control characters.",
      { type: "string" },
    ),
    closedObject(
      {
        parameter: described("Parameter argument", "The value of a declared parameter.", {
          type: "string",
        }),
      },
      ["parameter"],
    ),
  ],
};

export const run = defineStepKind<RunStep>()({
  kind: "run",
  title: "Run a program",
  readme: { covers: "program, argument list, success codes" },
  description:
    "Runs a program with an argument list (no shell) and checks its exit code against the success codes; a missing program fails the step.",
  idempotence: "one-shot",
  targets: { cmd: true },
  runsProgram: true,
  properties: {
    program: ref("path"),
    args: described(
      "Arguments",
      "Arguments passed one by one; strings or { parameter: Name }.",
      arrayOf(argument),
    ),
    successCodes: successCodesProperty,
    timeoutSeconds: described(
      "Timeout",
      "Seconds before the program is considered hung; default 300.",
      { type: "integer", minimum: 1, maximum: 3600 },
    ),
  },
  required: ["program"],
  cmdFields: { program: "text", args: "argument" },
  perUser: false,
  waits: (s) => [{ what: "program timeout", seconds: s.timeoutSeconds }],
  ps1: psCall(
    "Invoke-KbRunStep",
    ["Program", "program", "path"],
    ["Arguments", "args", "runArguments"],
    ["SuccessCodes", "successCodes", "ints"],
    ["TimeoutSeconds", "timeoutSeconds", "int"],
  ),
  // The arguments first: the program's path reuses the variables kb_arg_base sets.
  cmd: {
    ...withLifecycle(
      "one-shot",
      cmdCall(
        { shape: "runArguments", field: "args" },
        { shape: "path", field: "program" },
        cmdSet("KB_SUCCESS", "successCodes", "ints"),
        { call: "kb_step_run" },
      ),
    ),
    ignores: { timeoutSeconds: BATCH_NO_TIMEOUT },
  },
  lower(raw, ctx) {
    const program = ctx.path("program", raw.program);
    const args = (raw.args ?? []).map((a, i) => lowerArgument(a, `args/${i}`, ctx));
    if (!program || args.some((a) => !a)) return undefined;
    return {
      kind: "run",
      program,
      args: args as RunArgument[],
      successCodes: lowerSuccessCodes(raw.successCodes),
      timeoutSeconds: raw.timeoutSeconds ?? 300,
    };
  },
  describe: (s) =>
    `run ${s.program.text}${s.args.map((a) => ` ${shownRunArgument(a)}`).join("")} (success: ${s.successCodes.join(", ")})`,
});

function lowerArgument(
  a: string | { parameter: string },
  field: string,
  ctx: LowerContext,
): RunArgument | undefined {
  if (typeof a !== "string") {
    if (!ctx.parameterType(a.parameter)) {
      ctx.error(
        `${field}/parameter`,
        "unknown-parameter",
        `argument uses undeclared parameter '${a.parameter}'`,
        "declare it under parameters:",
      );
      return undefined;
    }
    return { parameter: a.parameter };
  }
  const lowered = lowerLiteralArgument(a, field, ctx);
  if (lowered === undefined) return undefined;
  return typeof lowered === "string" ? { literal: lowered } : lowered;
}

/** As the playbook wrote it: a literal with its bases unexpanded, a parameter as <Name>. */
function shownRunArgument(a: RunArgument): string {
  if ("parameter" in a) return `<${a.parameter}>`;
  return "literal" in a ? a.literal : a.written;
}
