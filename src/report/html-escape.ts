// The one way text enters the HTML page, in element content and attribute values alike:
// the five markup characters become entities, and characters HTML does not allow (NUL and
// other C0/C1 controls) become U+FFFD, so a machine name or a message cannot add markup.

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string | number): string {
  return String(value)
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "\uFFFD");
}
