// Run a native program (CCMCertFix.exe) with an argument array and declared
// success exit codes; always behind a guard, never through a shell.
import type { PathExpr } from "../model/path-expr.js";
import { arrayOf, closedObject, described, ref } from "../model/json-schema.js";
import { psCall } from "../model/ps-call.js";
import { defineStepKind, type LowerContext, type PlanStepBase } from "./step-kind.js";
import { lowerSuccessCodes, successCodesProperty } from "./success-codes.js";

export type RunArgument = { literal: string } | { parameter: string };

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
      "A literal argument, passed exactly (switches such as /reset and quotes included); no control characters.",
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
  ps1: psCall(
    "Invoke-KbRunStep",
    ["Program", "program", "path"],
    ["Arguments", "args", "runArguments"],
    ["SuccessCodes", "successCodes", "ints"],
    ["TimeoutSeconds", "timeoutSeconds", "int"],
  ),
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
    `run ${s.program.text}${s.args.map((a) => ("literal" in a ? ` ${a.literal}` : ` <${a.parameter}>`)).join("")} (success: ${s.successCodes.join(", ")})`,
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
  return literalArgumentFits(a, field, ctx) ? { literal: a } : undefined;
}

/**
 * A literal is code the reviewer reads: switches, quotes and spaces are carried exactly by the
 * runtime's quoting (docs/emitted-script-rules.md#argv-quoting). A Windows command line cannot
 * hold NUL, and line breaks in an argument are almost always a mistake in the playbook.
 */
export function literalArgumentFits(a: string, field: string, ctx: LowerContext): boolean {
  if (!/[\x00-\x08\x0a-\x1f\x7f]/.test(a)) return true;
  ctx.error(
    field,
    "unsafe-argument",
    `argument ${JSON.stringify(a)} holds a control character, which a command line cannot carry`,
    "write the argument on one line, without control characters",
  );
  return false;
}
