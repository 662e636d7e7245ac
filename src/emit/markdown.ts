// Markdown for the reviewers' README: playbook text shown as text, never as markup.

export function mdText(value: string): string {
  return String(value)
    .replace(/[\\`*_\[\]<>|]/g, "\\$&")
    .replace(/\r?\n/g, " ");
}

export function mdCode(value: string): string {
  const text = String(value).replace(/\r?\n/g, " ");
  const fence = "`".repeat(
    (text.match(/`+/g) ?? [""]).reduce((n, run) => Math.max(n, run.length), 0) + 1,
  );
  return `${fence} ${text} ${fence}`;
}

/** Code in a table cell: GitHub ends a cell at every |, even inside code, unless it is escaped. */
export function mdCodeCell(value: string): string {
  return mdCode(value).replace(/\|/g, "\\|");
}
