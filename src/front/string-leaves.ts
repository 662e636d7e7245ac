// Every string of a parsed document with where it is, for the checks that look at all of them
// (document-values.ts). The path is one array changed in place while walking, so
// a string that is fine costs no path of its own; a check that reports copies what it needs.

/** Keys from the document root to the string; array indexes as strings, as Object.keys gives. */
export type LeafPath = readonly string[];

export function forEachString(doc: unknown, visit: (value: string, path: LeafPath) => void) {
  walk(doc, [], visit);
}

function walk(node: unknown, path: string[], visit: (value: string, path: LeafPath) => void) {
  if (typeof node === "string") return visit(node, path);
  if (node === null || typeof node !== "object") return;
  for (const key of Object.keys(node)) {
    path.push(key);
    walk((node as Record<string, unknown>)[key], path, visit);
    path.pop();
  }
}
