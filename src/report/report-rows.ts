// The rows of a playbook's tables, the same in the text and the HTML report; each
// renderer only lays them out (and escapes them for its format).
import type { PlaybookReport } from "./fleet-report.js";

export const exitText = (code: number | null) => (code === null ? "?" : String(code));

/** Exit code, machines, and the outcomes behind the code. */
export function outcomeRows(p: PlaybookReport): string[][] {
  return p.outcomes.map((b) => [
    exitText(b.exitCode),
    String(b.machines),
    Object.entries(b.outcomes)
      .map(([name, n]) => `${name} ${n}`)
      .join(", "),
  ]);
}

/** Which columns of the method table are numbers (right-aligned). */
export const METHOD_NUMERIC = [true, false, true, true, true, true];

/** Per method of the ladder: its place, id, and machines reached, changed, fixed, failed. */
export function methodRows(p: PlaybookReport): string[][] {
  return p.methods.map((m, i) => [
    String(i + 1),
    m.method,
    String(m.reached),
    String(m.changed),
    String(m.fixed),
    String(m.failed),
  ]);
}
