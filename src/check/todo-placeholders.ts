// A scaffold (kbfix new) marks what the author must still write with TODO: each one
// left is a warning at its place, so a half-written playbook never passes unnoticed.
import type { Check, CheckInput } from "./check-input.js";

const TODO = /\bTODO\b/;

export const todoPlaceholders: Check = (input) => visit(input, input.doc, "");

function visit(input: CheckInput, node: unknown, pointer: string): void {
  if (typeof node === "string") {
    if (TODO.test(node))
      input.atPointer(
        pointer,
        "warning",
        "todo-placeholder",
        "a TODO placeholder is still here",
        "write the article's text in its place",
      );
    return;
  }
  if (Array.isArray(node)) node.forEach((item, i) => visit(input, item, `${pointer}/${i}`));
  else if (node && typeof node === "object")
    for (const [key, value] of Object.entries(node))
      visit(input, value, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
}
