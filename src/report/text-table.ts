// Aligned columns for the terminal: numbers right-aligned, text left-aligned, two spaces
// between, no trailing blanks. Cells are made printable first: a hostile machine name or
// message must not move the cursor or change the terminal's colours.
import { replaceSteering } from "../model/steering-characters.js";

/** Control characters and bidirectional overrides -> "?"; everything else is kept. */
export function printable(text: string): string {
  return replaceSteering(text, () => "?");
}

export function textTable(
  headers: string[],
  rows: string[][],
  numeric: readonly boolean[],
): string[] {
  const cells = [headers, ...rows].map((row) => row.map(printable));
  const widths = headers.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)));
  return cells.map((row) =>
    row
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd(),
  );
}
