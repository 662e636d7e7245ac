// One file the compiler writes: its path under out/ and its exact bytes.
import { createHash } from "node:crypto";

export interface EmittedFile {
  /** Relative to the out folder, forward slashes, e.g. kb822798/kb822798.ps1. */
  path: string;
  bytes: Buffer;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
