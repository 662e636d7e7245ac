// What a kind says of itself in the README's tables of kinds, beside what the tables take
// from its data (idempotence, history, targets): npm run generate writes the rows, so a new
// kind's row comes from its module.
export interface KindReadme {
  /** What it covers, in short (the README shows it after the kind's name, in parentheses). */
  readonly covers: string;
  /** Said after the batch column's yes, e.g. "(view: NT 6.1+)". */
  readonly batch?: string;
}
