import { test } from "uvu";
import * as assert from "uvu/assert";
import { diagnostic, formatDiagnostic, sortDiagnostics } from "../src/diagnostic.js";

test("formats file:line:col: severity CODE: message with a hint line", () => {
  const d = diagnostic("a.yaml", { line: 3, column: 5 }, "error", "unknown-key", "bad", "fix it");
  assert.is(
    formatDiagnostic(d, { color: false }),
    "a.yaml:3:5: error unknown-key: bad\n  hint: fix it",
  );
});

test("sorts by file then position", () => {
  const a = diagnostic("b.yaml", { line: 1, column: 1 }, "error", "bad-value", "m");
  const b = diagnostic("a.yaml", { line: 9, column: 1 }, "error", "bad-value", "m");
  const c = diagnostic("a.yaml", { line: 2, column: 7 }, "warning", "bad-value", "m");
  assert.equal(sortDiagnostics([a, b, c]), [c, b, a]);
});

test.run();
