// Emitted scripts are 7-bit ASCII with CRLF line endings and a final CRLF
// (docs/emitted-script-rules.md#ascii-crlf): enforced here on every file, so a template or runtime slip
// is a compile error, never a shipped script.
import type { Span } from "../diagnostic.js";

/** A value or template a target cannot carry; `span` is where the playbook wrote it, when known. */

export class EmitError extends Error {
  constructor(
    message: string,
    readonly span?: Span,
  ) {
    super(message);
  }
}

const SIGNATURE_MARKER = /sig\s*#\s*(begin|end)\s+signature\s+block/i;

export function toScriptBytes(name: string, text: string): Buffer {
  // Every script passes here and the compile benchmark is a target: a text with LF line ends
  // (what templates render) is checked with two scans and encoded in one pass into the one
  // buffer shipped; any other text, or one that fails a check, takes the general path below,
  // which reports the failure. Trailing spaces can only come from templates (values are
  // quoted), so a test forbids them there instead of stripping them here.
  if (!text.includes("\r") && !/[^\x20-\x7e\n]/.test(text) && !hasSignatureMarker(text))
    return crlfBytes(text);
  let lf = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  if (lf.includes("\n\n\n")) lf = lf.replace(/\n{3,}/g, "\n\n");
  lf = trimNewlines(lf);
  const bad = /[^\x20-\x7e\n]/.exec(lf);
  if (bad)
    throw new EmitError(
      `${name}:${lineOf(lf, bad.index)}: character U+${bad[0].codePointAt(0)!.toString(16).padStart(4, "0")} is not printable ASCII`,
    );
  const marker = hasSignatureMarker(lf) ? SIGNATURE_MARKER.exec(lf) : null;
  if (marker)
    throw new EmitError(
      `${name}:${lineOf(lf, marker.index)}: a line resembles a signature block marker`,
    );
  return Buffer.from(lf.replace(/\n/g, "\r\n") + "\r\n", "latin1");
}

function hasSignatureMarker(text: string): boolean {
  return /signature/i.test(text) && SIGNATURE_MARKER.test(text);
}

const LF = 10;
const CR = 13;

/**
 * Printable ASCII and LF in, the shipped bytes out: leading and trailing blank lines dropped,
 * runs of blank lines cut to one, CRLF line ends and a final CRLF. One pass sizes the buffer,
 * one fills it; no intermediate copy of the text is made.
 */
function crlfBytes(text: string): Buffer {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === LF) start++;
  while (end > start && text.charCodeAt(end - 1) === LF) end--;
  let size = 2;
  let run = 0;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== LF) (run = 0), size++;
    else if (++run <= 2) size += 2;
  }
  const out = Buffer.allocUnsafe(size);
  let o = 0;
  run = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== LF) (run = 0), (out[o++] = c);
    else if (++run <= 2) (out[o++] = CR), (out[o++] = LF);
  }
  out[o++] = CR;
  out[o++] = LF;
  return out;
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
