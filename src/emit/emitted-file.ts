// One file the compiler writes: its path under out/ and its exact bytes.
import * as crypto from "node:crypto";

export interface EmittedFile {
  /** Relative to the out folder, forward slashes, e.g. kb822798/kb822798.ps1. */
  path: string;
  bytes: Buffer;
}

/** Hashes taken while one playbook is emitted (sharingHashes); undefined outside of it. */
let known: WeakMap<Uint8Array, string> | undefined;

/**
 * Runs `emit` hashing each buffer once: the deployment descriptors and the manifest hash the
 * same script buffers (the remediation three times). Safe because a buffer is never changed
 * after it is made during one emit; outside of this (sign, verify, tests that change bytes
 * in place) every call hashes the bytes it is given.
 */
export function sharingHashes<T>(emit: () => T): T {
  const outer = known;
  known = new WeakMap();
  try {
    return emit();
  } finally {
    known = outer;
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  const hit = known?.get(bytes);
  if (hit !== undefined) return hit;
  const hex = sha256Of(bytes);
  known?.set(bytes, hex);
  return hex;
}

/**
 * One-shot hashing where Node has it (20.12 and later): no Hash object per file, about 6 us
 * less a small file (a compile hashes about sixteen files a playbook). The same digest.
 */
const oneShot = (
  crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: "hex") => string }
).hash;
const sha256Of = oneShot
  ? (bytes: Uint8Array) => oneShot("sha256", bytes, "hex")
  : (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");
