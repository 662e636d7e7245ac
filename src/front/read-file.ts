// Reads a playbook file without trusting its size: stops one byte past the
// limit (so /dev/zero or a growing file cannot exhaust memory) and refuses
// directories and other non-regular files, which could block forever.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { DiagnosticCode } from "../diagnostic-codes.js";

export interface ReadFailure {
  code: DiagnosticCode;
  message: string;
  hint?: string;
}

export type ReadResult = { bytes: Uint8Array } | ReadFailure;

export function readBoundedFile(path: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    return readFailure(error);
  }
  try {
    return readOpenFile(fd, maxBytes);
  } catch (error) {
    return readFailure(error);
  } finally {
    closeSync(fd);
  }
}

function readOpenFile(fd: number, maxBytes: number): ReadResult {
  const stat = fstatSync(fd);
  if (stat.isDirectory())
    return { code: "file-unreadable", message: "this is a directory, not a file" };
  if (!stat.isFile()) return { code: "file-unreadable", message: "this is not a regular file" };
  if (stat.size > maxBytes) return fileTooLarge(stat.size, maxBytes);
  let buffer: Buffer = Buffer.allocUnsafe(stat.size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return fileTooLarge(undefined, maxBytes);
      buffer = grow(buffer, Math.min(length * 2, maxBytes + 1));
    }
    const count = readSync(fd, buffer, length, buffer.length - length, null);
    if (count === 0) return { bytes: buffer.subarray(0, length) };
    length += count;
  }
}

function grow(buffer: Buffer, size: number): Buffer {
  const bigger = Buffer.allocUnsafe(size);
  buffer.copy(bigger);
  return bigger;
}

/** `size` is undefined when only "more than the limit" is known (the file grew while read). */
export function fileTooLarge(size: number | undefined, maxBytes: number): ReadFailure {
  const actual = size === undefined ? "more than that" : `${size} bytes`;
  return {
    code: "file-too-large",
    message: `playbooks are limited to ${maxBytes} bytes; this file is ${actual}`,
    hint: "split the playbook, or move large data out of it",
  };
}

function readFailure(error: unknown): ReadFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return { code: "file-not-found", message: "file not found" };
  if (code === "EISDIR")
    return { code: "file-unreadable", message: "this is a directory, not a file" };
  if (code === "EACCES" || code === "EPERM") {
    return { code: "file-unreadable", message: "permission denied" };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: "file-unreadable", message: `cannot read the file: ${detail}` };
}
