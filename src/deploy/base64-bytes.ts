// Standard base64 (RFC 4648, with padding) written straight into a buffer: the Intune body
// carries both scripts this way, and encoding in place skips the two large copies (a base64
// string, then its bytes) that Buffer#toString("base64") would cost per script.
import { placedBlock } from "../emit/bytes.js";
import { base64Length } from "../model/base64-length.js";

const ALPHABET = Buffer.from(
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
  "latin1",
);
const PAD = 0x3d; // "="

/** Writes the base64 of `bytes` into `out` at `offset`; returns the offset after it. */
export function writeBase64(bytes: Uint8Array, out: Uint8Array, offset: number): number {
  let o = offset;
  const whole = bytes.length - (bytes.length % 3);
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ALPHABET[n >>> 18]!;
    out[o++] = ALPHABET[(n >>> 12) & 63]!;
    out[o++] = ALPHABET[(n >>> 6) & 63]!;
    out[o++] = ALPHABET[n & 63]!;
  }
  const rest = bytes.length - whole;
  if (rest > 0) {
    const n = (bytes[whole]! << 16) | (rest === 2 ? bytes[whole + 1]! << 8 : 0);
    out[o++] = ALPHABET[n >>> 18]!;
    out[o++] = ALPHABET[(n >>> 12) & 63]!;
    out[o++] = rest === 2 ? ALPHABET[(n >>> 6) & 63]! : PAD;
    out[o++] = PAD;
  }
  return o;
}

/**
 * writeBase64 of a script, copying the base64 of the runtime block it holds (most of a .ps1)
 * from a cache: base64 works on groups of three bytes from the start of the script, so the
 * groups wholly inside the block depend only on the block and on where the first one starts
 * in it (one of three phases). Scripts without a known block are encoded whole.
 */
export function writeScriptBase64(bytes: Uint8Array, out: Uint8Array, offset: number): number {
  const placed = placedBlock(bytes);
  if (!placed) return writeBase64(bytes, out, offset);
  const start = Math.ceil(placed.at / 3) * 3;
  const middle = blockBase64(placed.block, start - placed.at);
  const end = start + (middle.length / 4) * 3;
  let o = writeBase64(bytes.subarray(0, start), out, offset);
  out.set(middle, o);
  o += middle.length;
  return writeBase64(bytes.subarray(end), out, o);
}

/** Per block, per phase: the base64 of its whole groups of three bytes from that phase on. */
const blockGroups = new WeakMap<Buffer, Buffer[]>();

function blockBase64(block: Buffer, phase: number): Buffer {
  let phases = blockGroups.get(block);
  if (!phases) blockGroups.set(block, (phases = []));
  const whole = block.length - phase - ((block.length - phase) % 3);
  return (phases[phase] ??= encodeWhole(block.subarray(phase, phase + whole)));
}

function encodeWhole(groups: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(base64Length(groups.length));
  writeBase64(groups, out, 0);
  return out;
}
