// Schema pattern errors speak in words: every pattern the schema uses has them, and a
// value that breaks one is told what it must look like, not a regular expression.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildPlaybookSchema } from "../../src/schema/playbook-schema.js";
import { PATTERN_WORDS } from "../../src/schema/pattern-words.js";
import { analyzeText } from "../support/fixture.js";

function patterns(node: unknown, out = new Set<string>()): Set<string> {
  if (!node || typeof node !== "object") return out;
  const pattern = (node as { pattern?: unknown }).pattern;
  if (typeof pattern === "string") out.add(pattern);
  for (const value of Object.values(node)) patterns(value, out);
  return out;
}

test("every pattern in the schema has words, and every worded pattern is in the schema", () => {
  const used = patterns(buildPlaybookSchema());
  assert.equal(
    [...used].filter((p) => !(p in PATTERN_WORDS)),
    [],
  );
  assert.equal(
    Object.keys(PATTERN_WORDS).filter((p) => !used.has(p)),
    [],
  );
});

test("a bad id is explained in words at its position", () => {
  const text = analyzeText("schemaVersion: 1\nid: KB-Bad\n").diagnostics;
  const id = text.find((d) => d.line === 2);
  assert.ok(id, JSON.stringify(text));
  assert.is(id.code, "bad-value");
  assert.match(id.message, /^must be lowercase letters, digits and '-'/);
  assert.not.match(id.message, /\^\[/);
});

test.run();
