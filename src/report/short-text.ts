// Strings the roll-up keeps for a whole fleet: clipped, and one copy of each that recurs.

/** Short text only: a hostile or runaway message must not grow the roll-up's memory. */
export function clip(text: string, max = 300): string {
  return text.length > max ? text.slice(0, max - 3) + "..." : text;
}

/** The same method ids recur on every machine: keep one copy of each string. */
const interned = new Map<string, string>();
export function intern(text: string): string {
  const known = interned.get(text);
  if (known !== undefined) return known;
  if (interned.size < 100_000) interned.set(text, text);
  return text;
}
