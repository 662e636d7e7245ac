// Sorting for deterministic output: code-unit order is the same on every machine and locale,
// unlike localeCompare.

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
