// Whether a shipped script carries an Authenticode signature block (kbfix sign appends one).
import { splitSignature } from "../model/signature-block.js";

export function isSigned(bytes: Buffer): boolean {
  return splitSignature(bytes).block !== null;
}
