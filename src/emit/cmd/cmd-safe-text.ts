// Free text (a manual step's guidance, the source's name) enters a .cmd only when it passes
// the batch whitelist; otherwise a fallback pointing at README.md stands in for it.
import { cmdSafeReason } from "../../model/cmd-safe.js";

export function safeText(text: string, fallback: string): string {
  return cmdSafeReason(text) === undefined ? text : fallback;
}
