// The Authenticode signature block at the end of a signed .ps1: where it starts and
// what it looks like. Signing writes it; verifying and packaging read it.

const BEGIN = "# SIG # Begin signature block";
const BLOCK =
  /^\r\n# SIG # Begin signature block\r\n(# [A-Za-z0-9+/=]{1,64}\r\n)+# SIG # End signature block\r\n$/;

/** Splits like osslsigncode does: the first line starting with the begin marker opens the block. */
export function splitSignature(bytes: Buffer): { body: Buffer; block: string | null } {
  const text = bytes.toString("latin1");
  const at = text.startsWith(BEGIN) ? 0 : text.indexOf(`\n${BEGIN}`);
  if (at < 0) return { body: bytes, block: null };
  const start = at > 0 && text[at - 1] === "\r" ? at - 1 : at;
  return { body: bytes.subarray(0, start), block: text.slice(start) };
}

export function isSignatureBlock(block: string): boolean {
  return BLOCK.test(block);
}
