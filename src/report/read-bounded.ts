// Reads one file whole, unless it is over the size limit: the limit is checked on the open
// file, so the cost is the same open/stat/read/close that readFileSync does.
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

export function readBounded(path: string, maxBytes: number): BoundedRead {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    return { ok: false, kind: "unreadable", message: `cannot open: ${fsReason(error)}` };
  }
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes)
      return {
        ok: false,
        kind: "too-large",
        message: `${size} bytes, over the limit of ${maxBytes} bytes (see --max-file-mb)`,
      };
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, buffer, filled, size - filled, null);
      if (read === 0) break;
      filled += read;
    }
    return { ok: true, text: buffer.toString("utf8", 0, filled) };
  } catch (error) {
    return { ok: false, kind: "unreadable", message: `cannot read: ${fsReason(error)}` };
  } finally {
    closeSync(fd);
  }
}
