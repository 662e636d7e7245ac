// The Authenticode signature block at the end of a signed .ps1: where it starts and
// what it looks like. Signing writes it; verifying and packaging read it.

const BEGIN = "# SIG # Begin signature block";
const BLOCK =
  /^\r\n# SIG # Begin signature block\r\n(# [A-Za-z0-9+/=]{1,64}\r\n)+# SIG # End signature block\r\n$/;

/** Splits like osslsigncode does: the first line starting with the begin marker opens the block. */
export function splitSignature(bytes: Buffer): { body: Buffer; block: string | null } {
  // Searched in the bytes: a script is large and usually unsigned, so no text copy of it.
  const at = startsWithBegin(bytes) ? 0 : bytes.indexOf(`\n${BEGIN}`, 0, "latin1");
  if (at < 0) return { body: bytes, block: null };
  const start = at > 0 && bytes[at - 1] === 0x0d ? at - 1 : at;
  return { body: bytes.subarray(0, start), block: bytes.toString("latin1", start) };
}

function startsWithBegin(bytes: Buffer): boolean {
  return bytes.length >= BEGIN.length && bytes.toString("latin1", 0, BEGIN.length) === BEGIN;
}

export function isSignatureBlock(block: string): boolean {
  return BLOCK.test(block);
}
