// The README's tables of step and evidence kinds, from the registries: each row is the kind's
// name and what it covers (its module's readme), and what its data says (idempotence, history,
// batch support). `npm run generate` writes them between their markers; a test fails when the
// README differs, so a new kind's row is written by its module, never by hand.
import { evidenceKinds } from "../evidence/index.js";
import type { EvidenceKind } from "../evidence/evidence-kind.js";
import type { KindReadme } from "../model/kind-readme.js";
import { stepKinds } from "../steps/index.js";
import type { Idempotence, StepKind } from "../steps/step-kind.js";

const IDEMPOTENCE: Record<Idempotence, string> = {
  state: "state",
  "one-shot": "one-shot, needs a guard",
  composite: "as its steps",
  report: "-",
};

export interface KindTable {
  /** The README lines the table sits between. */
  begin: string;
  end: string;
  rows: () => string[][];
}

const said = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(" ");

function kindCell(kind: string, readme: KindReadme): string {
  return `\`${kind}\` (${readme.covers})`;
}

function batchCell(targets: { cmd: boolean }, readme: KindReadme): string {
  return targets.cmd ? said("yes", readme.batch) : "no: reported as manual";
}

interface TabledKind {
  readme: KindReadme;
  targets: { cmd: boolean };
}

/** One registry's table: the kind and what it covers, one column from its data, batch support. */
function kindTable<K extends TabledKind>(
  what: string,
  folder: string,
  registry: Record<string, K>,
  [heading, cell]: [string, (kind: K) => string],
): KindTable {
  return {
    begin: `<!-- ${what} kinds: written by npm run generate from src/${folder} -->`,
    end: `<!-- end of ${what} kinds -->`,
    rows: () => [
      ["kind", heading, "batch"],
      ...Object.entries(registry).map(([name, kind]) => [
        kindCell(name, kind.readme),
        cell(kind),
        batchCell(kind.targets, kind.readme),
      ]),
    ],
  };
}

export const KIND_TABLES: Record<"steps" | "evidence", KindTable> = {
  steps: kindTable("step", "steps", stepKinds as Record<string, StepKind>, [
    "idempotence",
    (kind) => said(IDEMPOTENCE[kind.idempotence], kind.readme.idempotence),
  ]),
  evidence: kindTable("evidence", "evidence", evidenceKinds as Record<string, EvidenceKind>, [
    "history",
    (kind) => (kind.history ? "yes" : "no"),
  ]),
};

/**
 * A markdown table laid out as prettier lays it out: every column padded to its widest cell; a
 * | in a cell is escaped, so it cannot end the cell.
 */
export function markdownTable(cells: readonly string[][]): string {
  const rows = cells.map((row) => row.map((c) => c.replace(/\|/g, "\\|")));
  const widths = rows[0]!.map((_, i) => Math.max(3, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(rows[0]!), line(widths.map((w) => "-".repeat(w))), ...rows.slice(1).map(line)].join(
    "\n",
  );
}

/** The README with each table between its markers as the registries give it. */
export function withKindTables(readme: string): string {
  let text = readme;
  for (const { begin, end, rows } of Object.values(KIND_TABLES)) {
    const from = text.indexOf(begin);
    const to = text.indexOf(end, from);
    if (from < 0 || to < 0)
      throw new Error(`README.md: the markers ${begin} ... ${end} are missing`);
    text = `${text.slice(0, from + begin.length)}\n\n${markdownTable(rows())}\n\n${text.slice(to)}`;
  }
  return text;
}
