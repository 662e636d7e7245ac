// The length of standard base64 (RFC 4648, with padding) of a number of bytes: what the Intune
// body writes, and what a route measured as base64 counts against its limit.
export function base64Length(byteLength: number): number {
  return Math.ceil(byteLength / 3) * 4;
}
