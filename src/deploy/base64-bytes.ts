// Standard base64 (RFC 4648, with padding) written straight into a buffer: the Intune body
// carries both scripts this way, and encoding in place skips the two large copies (a base64
// string, then its bytes) that Buffer#toString("base64") would cost per script.
const ALPHABET = Buffer.from(
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
  "latin1",
);
const PAD = 0x3d; // "="

export function base64Length(byteLength: number): number {
  return Math.ceil(byteLength / 3) * 4;
}

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
