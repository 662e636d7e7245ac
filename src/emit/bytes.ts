// Emitted scripts are 7-bit ASCII with CRLF line endings and a final CRLF
// (docs/emitted-script-rules.md#ascii-crlf): enforced here on every file, so a template or runtime slip
// is a compile error, never a shipped script.
import type { Span } from "../diagnostic.js";
import { SIGNATURE_MARKER } from "../model/script-text.js";

/** A value or template a target cannot carry; `span` is where the playbook wrote it, when known. */

export class EmitError extends Error {
  constructor(
    message: string,
    readonly span?: Span,
  ) {
    super(message);
  }
}

export function toScriptBytes(name: string, text: string): Buffer {
  // Cheap pre-checks before each whole-text pass: this runs on every emitted script, and the
  // compile benchmark is a target. Trailing spaces can only come from templates (values are
  // quoted), so a test forbids them there instead of stripping them here.
  let lf = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  if (lf.includes("\n\n\n")) lf = lf.replace(/\n{3,}/g, "\n\n");
  lf = trimNewlines(lf);
  const bad = /[^\x20-\x7e\n]/.exec(lf);
  if (bad)
    throw new EmitError(
      `${name}:${lineOf(lf, bad.index)}: character U+${bad[0].codePointAt(0)!.toString(16).padStart(4, "0")} is not printable ASCII`,
    );
  const marker = /signature/i.test(lf) ? SIGNATURE_MARKER.exec(lf) : null;
  if (marker)
    throw new EmitError(
      `${name}:${lineOf(lf, marker.index)}: a line resembles a signature block marker`,
    );
  return Buffer.from(lf.replace(/\n/g, "\r\n") + "\r\n", "latin1");
}

function trimNewlines(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 10) start++;
  while (end > start && text.charCodeAt(end - 1) === 10) end--;
  return text.slice(start, end);
}

function trimTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return text.slice(0, end);
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/** Markdown and JSON: UTF-8, LF, final newline; deterministic but not scripts. */
export function toTextBytes(text: string): Buffer {
  // trimNewlines, not /\n*$/: that regex retries at every newline of a large text.
  const lf = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  return Buffer.from(trimTrailingNewlines(lf) + "\n", "utf8");
}
