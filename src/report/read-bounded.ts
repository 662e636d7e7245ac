// Reads one file whole, unless it is over the size limit. Result files are small: each is read
// into one buffer reused for every file, so a file costs open/read/close and no allocation;
// only a file that fills that buffer is measured (fstat) against the limit and read whole.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

export type BoundedRead =
  { ok: true; text: string } | { ok: false; kind: "too-large" | "unreadable"; message: string };

/** A file-system error as a short phrase, never a stack. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const phrases: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    ENOENT: "no such file or folder",
    EISDIR: "is a folder",
    ELOOP: "too many symbolic links",
    EIO: "input/output error",
  };
  if (code && phrases[code]) return phrases[code]!;
  return code ?? (error instanceof Error ? error.message : String(error));
}

const SMALL_FILE_BYTES = 64 * 1024;
const shared = Buffer.allocUnsafe(SMALL_FILE_BYTES);

/** Fills buffer from the file's current position; the bytes read (fewer at the end). */
function fill(fd: number, buffer: Buffer, from: number): number {
  let filled = from;
  while (filled < buffer.length) {
    const read = readSync(fd, buffer, filled, buffer.length - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return filled;
}

/** The shared buffer filled up (or the limit is tiny): measure the file, then read it whole. */
function readLarge(fd: number, maxBytes: number, filled: number): BoundedRead {
  const size = fstatSync(fd).size;
  if (size > maxBytes)
    return {
      ok: false,
      kind: "too-large",
      message: `${size} bytes, over the limit of ${maxBytes} bytes (see --max-file-mb)`,
    };
  const buffer = Buffer.allocUnsafe(Math.max(size, filled));
  shared.copy(buffer, 0, 0, filled);
  return { ok: true, text: buffer.toString("utf8", 0, fill(fd, buffer, filled)) };
}

export function readBounded(path: string, maxBytes: number): BoundedRead {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    return { ok: false, kind: "unreadable", message: `cannot open: ${fsReason(error)}` };
  }
  try {
    const filled = fill(fd, shared, 0);
    if (filled === SMALL_FILE_BYTES || filled > maxBytes) return readLarge(fd, maxBytes, filled);
    return { ok: true, text: shared.toString("utf8", 0, filled) };
  } catch (error) {
    return { ok: false, kind: "unreadable", message: `cannot read: ${fsReason(error)}` };
  } finally {
    closeSync(fd);
  }
}
