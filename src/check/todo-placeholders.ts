// A scaffold (kbfix new) marks what the author must still write with TODO: each one
// left is a warning at its place, so a half-written playbook never passes unnoticed.
import { pointerOf } from "../front/source-map.js";
import type { Check } from "./check-input.js";
import { forEachString } from "./string-leaves.js";

const TODO = /\bTODO\b/;

export const todoPlaceholders: Check = (input) =>
  forEachString(input.doc, (value, path) => {
    if (TODO.test(value))
      input.atPointer(
        pointerOf(path),
        "warning",
        "todo-placeholder",
        "a TODO placeholder is still here",
        "write the article's text in its place",
      );
  });
