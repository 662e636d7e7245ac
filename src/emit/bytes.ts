// Emitted scripts are 7-bit ASCII with CRLF line endings and a final CRLF
// (rules 1, 3, 7): enforced here on every file, so a template or runtime slip
// is a compile error, never a shipped script.

export class EmitError extends Error {}

const SIGNATURE_MARKER = /sig\s*#\s*(begin|end)\s+signature\s+block/i;

export function toScriptBytes(name: string, text: string): Buffer {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .replace(/\n+$/, "")
    .split("\n")
    .map((l) => l.replace(/[ ]+$/, ""));
  lines.forEach((line, i) => {
    const bad = /[^\x20-\x7e]/.exec(line);
    if (bad)
      throw new EmitError(
        `${name}:${i + 1}: character U+${bad[0].codePointAt(0)!.toString(16).padStart(4, "0")} is not printable ASCII`,
      );
    if (SIGNATURE_MARKER.test(line))
      throw new EmitError(`${name}:${i + 1}: a line resembles a signature block marker`);
  });
  return Buffer.from(collapseBlankRuns(lines).join("\r\n") + "\r\n", "ascii");
}

/** At most one blank line in a row, so optional template sections leave no gaps. */
function collapseBlankRuns(lines: string[]): string[] {
  return lines.filter((line, i) => line !== "" || lines[i - 1] !== "");
}

/** Markdown and JSON: UTF-8, LF, final newline; deterministic but not scripts. */
export function toTextBytes(text: string): Buffer {
  return Buffer.from(text.replace(/\r\n?/g, "\n").replace(/\n*$/, "\n"), "utf8");
}
