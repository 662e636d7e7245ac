// Two checks of every string the document holds, whatever field it sits in, run once the
// schema has passed: a value no target script can carry (model/script-text.ts: titles, notes and
// summaries reach the scripts and the README too, not only the fields a target reads), and a TODO
// the scaffold (kbfix new) left for the author. They read the document rather than the plan on
// purpose: every string the author wrote, before lowering renames or reshapes any of it. The
// semantic checks (check/) work on the plan.
import { diagnostic, type Diagnostic } from "../diagnostic.js";
import { scriptTextReason } from "../model/script-text.js";
import { pointerOf, type SourceMap } from "./source-map.js";
import { forEachString, type LeafPath } from "./string-leaves.js";

const TODO = /\bTODO\b/;

export function documentValueDiagnostics(file: string, doc: unknown, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  forEachString(doc, (value, path) => {
    const reason = scriptTextReason(value);
    if (reason) out.push(unemittable(file, map, path, reason));
    if (TODO.test(value))
      out.push(
        diagnostic(
          file,
          map.value(pointerOf(path)),
          "warning",
          "todo-placeholder",
          "a TODO placeholder is still here",
          "write the article's text in its place",
        ),
      );
  });
  return out;
}

function unemittable(file: string, map: SourceMap, path: LeafPath, reason: string): Diagnostic {
  const field = path.filter((p) => !/^\d+$/.test(p)).pop() ?? "value";
  return diagnostic(
    file,
    map.value(pointerOf(path)),
    "error",
    "emit-value",
    `cannot emit this playbook: ${field}: ${reason}`,
    "change the value; every value must be one the target script can carry exactly",
  );
}
