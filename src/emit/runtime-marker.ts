// The runtime section of an emitted script, the same rule for both targets: a marker line
// naming the kbfix version and the SHA-256 of the lines between it and the end marker, as
// shipped (CRLF after every line), so a reviewer can check it with any tool that hashes the
// cut-out lines. PowerShell marks it with #, batch with rem.
import { createHash } from "node:crypto";
import { encodeBlock, type EncodedBlock } from "./bytes.js";

export type RuntimeTarget = "ps1" | "cmd";

const COMMENT: Record<RuntimeTarget, string> = { ps1: "#", cmd: "rem" };

export function runtimeBeginLine(target: RuntimeTarget, version: string, sha256: string): string {
  return `${COMMENT[target]} ==== kbfix runtime ${version}, sha256 ${sha256} ====`;
}

export function runtimeEndLine(target: RuntimeTarget): string {
  return `${COMMENT[target]} ==== end of kbfix runtime ====`;
}

const BEGIN = /^(#|rem) ==== kbfix runtime ([0-9A-Za-z.+-]+), sha256 ([0-9a-f]{64}) ====$/;

/** SHA-256 of the lines between the markers (LF-joined here), as shipped: CRLF after every line. */
export function runtimeBodyHash(body: string): string {
  return createHash("sha256")
    .update(body.replace(/\n/g, "\r\n") + "\r\n", "latin1")
    .digest("hex");
}

/** A runtime section as shipped: marker, body, end marker (LF line ends), encoded once. */
export interface MarkedSection {
  text: string;
  /** The text encoded as shipped, once per section: every script of the shape copies it. */
  block: EncodedBlock;
  sha256: string;
}

export function markedSection(target: RuntimeTarget, version: string, body: string): MarkedSection {
  const sha256 = runtimeBodyHash(body);
  const text = `${runtimeBeginLine(target, version, sha256)}\n${body}\n${runtimeEndLine(target)}`;
  return { text, block: encodeBlock(text), sha256 };
}

export interface FoundRuntime {
  version: string;
  /** The hash the marker claims. */
  claimed: string;
  /** The hash of the lines actually between the markers. */
  actual: string;
  lines: string[];
}

/** The runtime section of an emitted script (CRLF or LF), or undefined when it has none. */
export function findRuntimeSection(script: string): FoundRuntime | undefined {
  const lines = script.split(/\r?\n/);
  const begin = lines.findIndex((l) => BEGIN.test(l));
  if (begin < 0) return undefined;
  const [, comment, version, claimed] = BEGIN.exec(lines[begin]!)!;
  const end = lines.indexOf(`${comment} ==== end of kbfix runtime ====`, begin + 1);
  if (end < 0) return undefined;
  const inner = lines.slice(begin + 1, end);
  return {
    version: version!,
    claimed: claimed!,
    actual: runtimeBodyHash(inner.join("\n")),
    lines: inner,
  };
}
