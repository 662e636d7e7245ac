// Whether a shipped script carries an Authenticode signature block (kbfix sign appends one).
import { splitSignature } from "../sign/osslsigncode.js";

export function isSigned(bytes: Buffer): boolean {
  return splitSignature(bytes).block !== null;
}
