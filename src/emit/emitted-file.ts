// One file the compiler writes: its path under out/ and its exact bytes.
import { createHash } from "node:crypto";

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
  const hex = createHash("sha256").update(bytes).digest("hex");
  known?.set(bytes, hex);
  return hex;
}
