// Knowledge the code relies on lives in docs/: comments in src/, templates/ and
// test/ cite a docs anchor (docs/emitted-script-rules.md#ascii-crlf), never a
// rule number, a file kept elsewhere or a path outside the repository, and every
// anchor they cite exists.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

const ROOT = resolve(".");
const SELF = "test/docs/cited-knowledge.test.ts";
const TEXT = /\.(ts|mjs|js|ps1|hbs|md)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return TEXT.test(name) ? [path] : [];
  });
}

/**
 * The comment part of a TypeScript line, or "" when it has none. Templates,
 * PowerShell and Markdown lines are taken whole: there the patterns below only
 * occur in comments and prose.
 */
function commentOf(line: string, path: string): string {
  if (!/\.(ts|mjs|js)$/.test(path)) return line;
  if (/^\s*(\*|\/\*)/.test(line)) return line.trim();
  const at = line.indexOf("//");
  return at >= 0 ? line.slice(at) : "";
}

interface Comment {
  where: string;
  text: string;
  path: string;
}

const comments: Comment[] = ["src", "templates", "test"]
  .flatMap((dir) => files(dir))
  .filter((path) => path !== SELF && !path.startsWith("src/generated/"))
  .flatMap((path) =>
    readFileSync(path, "utf8")
      .split("\n")
      .map((line, i) => ({ where: `${path}:${i + 1}`, text: commentOf(line, path), path }))
      .filter((c) => c.text !== ""),
  );

const offenders = (bad: (c: Comment) => boolean) =>
  comments.filter(bad).map((c) => `${c.where}: ${c.text.trim()}`);

test("no comment cites an issue of the tracker, which is not in the repository", () => {
  assert.equal(
    offenders((c) => /\bissue \d+/i.test(c.text)),
    [],
  );
});

test("no comment cites a rule by number", () => {
  assert.equal(
    offenders((c) => /\brules? \d+/i.test(c.text)),
    [],
  );
});

test("no comment cites the knowledge files by a path outside docs/, or by a bare name", () => {
  const outside =
    /(?<!docs\/)\b(kb-facts|emitted-script-rules|deployment-contracts)\.md|\bkb-facts\b(?!\.md)/;
  assert.equal(
    offenders((c) => outside.test(c.text)),
    [],
  );
});

test("no comment points at a path outside the repository", () => {
  const leaves = (c: Comment) =>
    [...c.text.matchAll(/(?:\.\.\/)+[\w.@/-]*/g)].some((m) =>
      relative(ROOT, resolve(dirname(c.path), m[0])).startsWith(".."),
    ) || /\/work\/|~\/shared|\bshared\/[\w-]+\.md/.test(c.text);
  assert.equal(offenders(leaves), []);
});

/** Anchors of a Markdown file: its headings, lower-cased, spaces as hyphens. */
function anchors(doc: string): Set<string> {
  const headings = [...readFileSync(doc, "utf8").matchAll(/^#{1,6} (.+)$/gm)];
  return new Set(
    headings.map((h) =>
      h[1]!
        .trim()
        .toLowerCase()
        .replace(/[^\w\s-]/g, "")
        .replace(/\s/g, "-"),
    ),
  );
}

test("every docs anchor a comment cites exists", () => {
  const broken: string[] = [];
  for (const c of comments) {
    for (const [, doc, anchor] of c.text.matchAll(/\b(docs\/[\w.-]+\.md)#([\w-]+)/g)) {
      if (!existsSync(doc!) || !anchors(doc!).has(anchor!))
        broken.push(`${c.where}: ${doc}#${anchor}`);
    }
  }
  assert.equal(broken, []);
});

test("the comments do cite the docs (the scan sees them)", () => {
  assert.ok(comments.some((c) => c.text.includes("docs/emitted-script-rules.md#ascii-crlf")));
  assert.ok(comments.some((c) => c.text.includes("docs/kb-facts.md")));
});

test.run();
