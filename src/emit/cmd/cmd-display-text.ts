// Titles shown by a batch script (log lines, the console): text for people, not a
// value any code acts on, so characters cmd.exe cannot carry are replaced by safe
// look-alikes instead of blanking the whole title. The result still passes the
// batch whitelist, or it is dropped.
import { cmdSafeReason } from "../../model/cmd-safe.js";

const LOOK_ALIKES: Record<string, string> = {
  "%": "",
  "!": ".",
  "(": "[",
  ")": "]",
  "<": "[",
  ">": "]",
  "&": " and ",
  "|": "-",
  "/": "-",
  ";": ",",
  "^": "",
  '"': "",
  "'": "",
  "?": "",
  "*": "",
  "\u2018": "",
  "\u2019": "",
  "\u201c": "",
  "\u201d": "",
  "\u2013": "-",
  "\u2014": "-",
};

function lookAlike(c: string): string {
  if (c in LOOK_ALIKES) return LOOK_ALIKES[c]!;
  if (/[\x00-\x1f\x7f]/.test(c)) return " ";
  const plain = c.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return /^[A-Za-z0-9]+$/.test(plain) ? plain : "_";
}

/** The whitelist's characters: a title of only these needs no per-character walk. */
const PLAIN = /^[A-Za-z0-9 _.,:\\+=@#$~{}\[\]-]*$/;

/** A title as batch can show it: safe characters kept, the others replaced, never code. */
export function cmdDisplayText(text: string): string {
  if (PLAIN.test(text)) return tidy(text);
  return displayTextByWalk(text);
}

/** Every character checked on its own; the fast path above must give the same (a test holds it). */
export function displayTextByWalk(text: string): string {
  const replaced = tidy([...text].map((c) => (isShown(c) ? c : lookAlike(c))).join(""));
  return cmdSafeReason(replaced) === undefined ? replaced : "";
}

/**
 * A "-" alone fails the whitelist, which reads a leading one as a switch; inside a title it is
 * text (a leading one is trimmed, so "in-place" stays "in-place").
 */
function isShown(c: string): boolean {
  return c === "-" || cmdSafeReason(c) === undefined;
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/^[-/ ]+/, "")
    .trim();
}
