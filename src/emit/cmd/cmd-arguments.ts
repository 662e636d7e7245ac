// Literal program arguments reshaped for the batch templates (templates/cmd/partials/argument.hbs):
// text as written, a parameter's variable, or the parts of an argument that names bases, each
// base with the variable :kb_arg_base checks as a path's base (docs/emitted-script-rules.md#bases-in-arguments).
import type { ArgumentExpr } from "../../model/argument-expr.js";
import type { LiteralArgument } from "../../steps/literal-argument.js";
import type { RunArgument } from "../../steps/run.js";
import { pathView } from "./cmd-values.js";

export interface CmdArgumentView {
  literal: string;
  /** The batch variable of a parameter argument, e.g. KB_PARAM_Label; '' otherwise. */
  param: string;
  /** The parts of an argument naming a base; none otherwise. */
  parts: CmdArgumentPartView[];
}

export interface CmdArgumentPartView {
  isBase: boolean;
  text: string;
  baseVar: string;
  baseLabel: string;
  drive: number;
}

export function runArgumentView(a: RunArgument): CmdArgumentView {
  if ("parameter" in a) return { literal: "", param: `KB_PARAM_${a.parameter}`, parts: [] };
  if ("literal" in a) return { literal: a.literal, param: "", parts: [] };
  return { literal: "", param: "", parts: partViews(a) };
}

export function literalArgumentView(a: LiteralArgument): CmdArgumentView {
  return typeof a === "string"
    ? { literal: a, param: "", parts: [] }
    : { literal: "", param: "", parts: partViews(a) };
}

function partViews(a: ArgumentExpr): CmdArgumentPartView[] {
  return a.parts.map((p) => {
    if ("text" in p) return { isBase: false, text: p.text, baseVar: "", baseLabel: "", drive: 0 };
    const { baseVar, baseLabel, drive } = pathView({
      base: { kind: "env", name: p.base },
      segments: [],
      text: `%${p.base}%`,
    });
    return { isBase: true, text: "", baseVar, baseLabel, drive };
  });
}
