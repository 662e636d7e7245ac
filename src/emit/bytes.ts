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
  // Every script passes here and the compile benchmark is a target: a text with LF line ends
  // (what templates render) is checked with two scans and encoded in one pass into the one
  // buffer shipped; any other text, or one that fails a check, takes the general path below,
  // which reports the failure. Trailing spaces can only come from templates (values are
  // quoted), so a test forbids them there instead of stripping them here.
  if (isPlainLf(text)) {
    const src = Buffer.from(text, "latin1");
    const [start, end] = trimmedRange(src, true, true);
    const out = Buffer.allocUnsafe(crlfSize(src, start, end) + 2);
    return finalCrlf(out, crlfWrite(src, start, end, out, 0));
  }
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

/**
 * A block of script lines encoded once and placed into many scripts (the runtime section of a
 * shape). Its first and last lines are fixed marker lines starting with "# ====" and ending with
 * "====": no blank line, and no part of a signature marker, can run across its edges, so each
 * side is encoded on its own and the result is what toScriptBytes gives for the joined text.
 */
export interface EncodedBlock {
  text: string;
  /** CRLF after every line but the last; undefined when the text needs the general path. */
  bytes: Buffer | undefined;
}

export function encodeBlock(text: string): EncodedBlock {
  const framed = /^# ====[^\n]*\n[^]*\n[^\n]*====$/.test(text);
  if (!framed || !isPlainLf(text)) return { text, bytes: undefined };
  const src = Buffer.from(text, "latin1");
  const out = Buffer.allocUnsafe(crlfSize(src, 0, src.length));
  crlfWrite(src, 0, src.length, out, 0);
  return { text, bytes: out };
}

/** toScriptBytes(name, before + block.text + after), reusing the block's encoded bytes. */
export function toScriptBytesAround(
  name: string,
  before: string,
  block: EncodedBlock,
  after: string,
): Buffer {
  if (!block.bytes || !isPlainLf(before) || !isPlainLf(after))
    return toScriptBytes(name, before + block.text + after);
  const head = Buffer.from(before, "latin1");
  const tail = Buffer.from(after, "latin1");
  const [headStart, headEnd] = trimmedRange(head, true, false);
  const [tailStart, tailEnd] = trimmedRange(tail, false, true);
  const size =
    crlfSize(head, headStart, headEnd) + block.bytes.length + crlfSize(tail, tailStart, tailEnd);
  const out = Buffer.allocUnsafe(size + 2);
  let o = crlfWrite(head, headStart, headEnd, out, 0);
  o += block.bytes.copy(out, o);
  return finalCrlf(out, crlfWrite(tail, tailStart, tailEnd, out, o));
}

/** The fast path's precondition: no CR, only printable ASCII and LF, no signature marker. */
function isPlainLf(text: string): boolean {
  return !text.includes("\r") && !/[^\x20-\x7e\n]/.test(text) && !hasSignatureMarker(text);
}

function hasSignatureMarker(text: string): boolean {
  return /signature/i.test(text) && SIGNATURE_MARKER.test(text);
}

const LF = 10;
const CR = 13;

// LF-only text as bytes to shipped bytes: leading and trailing blank lines dropped (where the
// text is an edge of the script), runs of blank lines cut to one, CRLF line ends. The loops read
// a byte array, which stays fast whatever shape of string the templates built.

function trimmedRange(src: Uint8Array, start: boolean, end: boolean): [number, number] {
  let from = 0;
  let to = src.length;
  if (start) while (from < to && src[from] === LF) from++;
  if (end) while (to > from && src[to - 1] === LF) to--;
  return [from, to];
}

function crlfSize(src: Uint8Array, start: number, end: number): number {
  let size = 0;
  let run = 0;
  for (let i = start; i < end; i++) {
    if (src[i] !== LF) ((run = 0), size++);
    else if (++run <= 2) size += 2;
  }
  return size;
}

/** Writes src[start, end) into out at o; returns the offset after it. */
function crlfWrite(src: Uint8Array, start: number, end: number, out: Buffer, o: number): number {
  let run = 0;
  for (let i = start; i < end; i++) {
    const c = src[i]!;
    if (c !== LF) ((run = 0), (out[o++] = c));
    else if (++run <= 2) ((out[o++] = CR), (out[o++] = LF));
  }
  return o;
}

function finalCrlf(out: Buffer, o: number): Buffer {
  out[o] = CR;
  out[o + 1] = LF;
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
