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
  // (what templates render) is checked with two scans and converted by the engine's own string
  // replace, then encoded once into the buffer shipped; any other text, or one that fails a
  // check, takes the general path below, which reports the failure. Trailing spaces can only
  // come from templates (values are quoted), so a test forbids them there instead of
  // stripping them here.
  if (isPlainLf(text)) return withFinalCrlf([crlfLines(trimNewlines(text))]);
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
 * shape). Its first and last lines are fixed marker lines starting with "# ====" or "rem ====" and ending with
 * "====": no blank line, and no part of a signature marker, can run across its edges, so each
 * side is encoded on its own and the result is what toScriptBytes gives for the joined text.
 */
export interface EncodedBlock {
  text: string;
  /** CRLF after every line but the last; undefined when the text needs the general path. */
  bytes: Buffer | undefined;
}

export function encodeBlock(text: string): EncodedBlock {
  const framed = /^(?:#|rem) ====[^\n]*\n[^]*\n[^\n]*====$/.test(text);
  if (!framed || !isPlainLf(text)) return { text, bytes: undefined };
  return { text, bytes: Buffer.from(crlfLines(text), "latin1") };
}

/** toScriptBytes(name, before + block.text + after), reusing the block's encoded text. */
export function toScriptBytesAround(
  name: string,
  before: string,
  block: EncodedBlock,
  after: string,
): Buffer {
  if (!block.bytes || !isPlainLf(before) || !isPlainLf(after))
    return toScriptBytes(name, before + block.text + after);
  const head = crlfLines(trimLeadingNewlines(before));
  const tail = crlfLines(trimTrailingNewlines(after));
  const bytes = withFinalCrlf([head, block.bytes, tail]);
  placed.set(bytes, { block: block.bytes, at: head.length });
  return bytes;
}

/** Scripts made by toScriptBytesAround: where their block sits (the head is latin1, a byte a
 * character). Keyed on the buffer object, so a script nobody holds is forgotten. */
const placed = new WeakMap<Uint8Array, { block: Buffer; at: number }>();

/**
 * The block a script made by toScriptBytesAround holds, and where: what encodes the script
 * again (the Intune body's base64) can reuse work done once per block. Checked against the
 * bytes, so a buffer changed since it was made is never mistaken for the script it was.
 */
export function placedBlock(bytes: Uint8Array): { block: Buffer; at: number } | undefined {
  const known = placed.get(bytes);
  if (!known || known.at + known.block.length > bytes.length) return undefined;
  const held = Buffer.from(bytes.buffer, bytes.byteOffset + known.at, known.block.length);
  return held.equals(known.block) ? known : undefined;
}

/** The pieces (latin1 text or bytes) and a final CRLF, in one buffer: the large runtime block
 * is copied as bytes, never joined into a string again. */
function withFinalCrlf(pieces: (string | Buffer)[]): Buffer {
  const size = pieces.reduce((n, p) => n + p.length, 2);
  const out = Buffer.allocUnsafe(size);
  let o = 0;
  for (const p of pieces) o += typeof p === "string" ? out.write(p, o, "latin1") : p.copy(out, o);
  out[o] = CR;
  out[o + 1] = LF;
  return out;
}

/** The fast path's precondition: no CR, only printable ASCII and LF, no signature marker. */
function isPlainLf(text: string): boolean {
  return !text.includes("\r") && !/[^\x20-\x7e\n]/.test(text) && !hasSignatureMarker(text);
}

function hasSignatureMarker(text: string): boolean {
  return /signature/i.test(text) && SIGNATURE_MARKER.test(text);
}

/**
 * LF-only text to shipped line ends: runs of blank lines cut to one, CRLF line ends. Both are
 * the engine's native string scans, several times faster than a loop over the bytes.
 */
function crlfLines(lf: string): string {
  const single = lf.includes("\n\n\n") ? lf.replace(/\n{3,}/g, "\n\n") : lf;
  return single.replace(/\n/g, "\r\n");
}

const LF = 10;
const CR = 13;

function trimLeadingNewlines(text: string): string {
  let start = 0;
  while (start < text.length && text.charCodeAt(start) === 10) start++;
  return text.slice(start);
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
