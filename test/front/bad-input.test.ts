// Every way a playbook file can be unreadable as YAML: one positioned error
// each, never an exception, always quickly.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadPlaybookBytes, MAX_PLAYBOOK_BYTES, type LoadResult } from "../../src/front/load.js";

type Case = [name: string, input: string | Uint8Array, code: string, line: number, column: number];

const bytes = (...parts: (string | number[] | Uint8Array)[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p))));
const utf16le = (text: string) => Buffer.from(text, "utf16le");
const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();

function billionLaughs(): string {
  let text = `a: &a [${Array(9).fill('"lol"').join(",")}]\n`;
  for (let i = 1; i < 9; i++) {
    const [prev, name] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
    text += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
  }
  return text;
}

function nestedMappings(levels: number): string {
  let text = "";
  for (let i = 0; i < levels; i++) text += " ".repeat(i) + "k:\n";
  return text + " ".repeat(levels) + "v\n";
}

/** name, input, code, line, column */
const cases: Case[] = [
  ["nested implicit key", "a: b: c\n", "yaml-syntax", 1, 5],
  ["unclosed flow list", "a: [1, 2\n", "yaml-syntax", 2, 1],
  ["syntax error, CRLF", "a: 1\r\nb: c: d\r\n", "yaml-syntax", 2, 5],
  ["bad escape", 'a: "x\\q"\n', "yaml-syntax", 1, 7],
  ["list then key", "a:\n  - b\n  c: 1\n", "yaml-syntax", 3, 3],
  ["duplicate key", "a: 1\nb: 2\na: 3\n", "yaml-duplicate-key", 3, 1],
  ["nested duplicate", "m:\n  x: 1\n  x: 2\n", "yaml-duplicate-key", 3, 3],
  ["flow duplicate", "{a: 1, a: 2}\n", "yaml-duplicate-key", 1, 8],
  ["quoted duplicate", "a: 1\n'a': 2\n", "yaml-duplicate-key", 2, 1],
  ["1.0 is 1", "1: x\n1.0: y\n", "yaml-duplicate-key", 2, 1],
  ["duplicate, CR only", "a: 1\rb: 2\ra: 3\r", "yaml-duplicate-key", 3, 1],
  ["duplicate after BOM", "\uFEFFa: 1\na: 2\n", "yaml-duplicate-key", 2, 1],
  ["tab indent", "a:\n\tb: 1\n", "yaml-tab", 2, 1],
  ["tab after spaces", "a:\n  b: 1\n  \tc: 2\n", "yaml-tab", 3, 3],
  ["tab at start", "\ta: 1\n", "yaml-tab", 1, 1],
  ["space then tab", "a:\n \tb: 1\n", "yaml-tab", 2, 2],
  ["tab in flow", "a: [1,\n\t2]\n", "yaml-tab", 2, 1],
  ["tab before item", "- a\n\t- b\n", "yaml-tab", 2, 1],
  ["tab after BOM", "\uFEFF\ta: 1\n", "yaml-tab", 1, 1],
  ["billion laughs", billionLaughs(), "yaml-alias-limit", 6, 8],
  [
    "101 aliases",
    `a: &a x\nb: [${Array(101).fill("*a").join(", ")}]\n`,
    "yaml-alias-limit",
    2,
    405,
  ],
  ["recursive alias", "a: &r {b: *r}\n", "yaml-recursive-alias", 1, 11],
  ["unknown alias", "a: 1\nb: *missing\n", "yaml-unknown-alias", 2, 4],
  ["65 levels", nestedMappings(65), "yaml-too-deep", 65, 65],
  ["65 flow levels", `a: ${"[".repeat(65)}${"]".repeat(65)}\n`, "yaml-too-deep", 1, 67],
  ["1000 levels", nestedMappings(1000), "yaml-too-deep", 100, 100],
  ["100k open brackets", "a: " + "[".repeat(100_000), "yaml-too-deep", 1, 103],
  ["empty file", "", "empty-playbook", 1, 1],
  ["only comments", "# nothing\n  # here\n", "empty-playbook", 1, 1],
  ["only blank lines", "\n\r\n\n", "empty-playbook", 1, 1],
  ["only ---", "---\n", "empty-playbook", 1, 1],
  ["--- and ...", "---\n# c\n...\n", "empty-playbook", 1, 1],
  ["list at top", "- a\n- b\n", "not-a-mapping", 1, 1],
  ["flow list at top", "[a, b]\n", "not-a-mapping", 1, 1],
  ["scalar at top", "  42\n", "not-a-mapping", 1, 3],
  ["null at top", "~\n", "not-a-mapping", 1, 1],
  ["two documents", "a: 1\n---\nb: 2\n", "multiple-documents", 2, 1],
  ["--- twice", "---\na: 1\n---\nb: 2\n", "multiple-documents", 3, 1],
  ["trailing ---", "---\na: 1\n---\n", "multiple-documents", 3, 1],
  ["... then more", "a: 1\n...\nb: 2\n", "multiple-documents", 3, 1],
  ["two documents, CRLF", "a: 1\r\n---\r\nb: 2\r\n", "multiple-documents", 2, 1],
  ["!!js/function", "a: !!js/function f\n", "yaml-tag", 1, 4],
  ["custom tag", "a: !foo x\n", "yaml-tag", 1, 4],
  ["tag on mapping", "a: !foo {b: 1}\n", "yaml-tag", 1, 4],
  ["!!binary", "a: !!binary aGk=\n", "yaml-tag", 1, 4],
  ["!!python", "a: !!python/object:os.system x\n", "yaml-tag", 1, 4],
  ["tagged key", "!!int 1: x\n", "yaml-tag", 1, 1],
  ["%TAG redefines !!", "%TAG !! tag:x.com,2000:\n---\na: !!str x\n", "yaml-tag", 3, 4],
  ["list as key", "[a]: 1\n", "yaml-complex-key", 1, 1],
  ["mapping as key", "? {x: 1}\n: y\n", "yaml-complex-key", 1, 3],
  ["alias as key", "&k a: 1\n*k : 2\n", "yaml-complex-key", 2, 1],
  ["over 1 MiB", new Uint8Array(MAX_PLAYBOOK_BYTES + 1), "file-too-large", 1, 1],
  ["truncated sequence", bytes("a: 1\nb: caf", [0xc3], "\n"), "invalid-utf8", 2, 7],
  ["overlong", bytes("a: ", [0xc0, 0xaf], "\n"), "invalid-utf8", 1, 4],
  ["lone continuation", bytes("ab: 1\nc: x", [0x80], "\n"), "invalid-utf8", 2, 5],
  ["UTF-8 surrogate", bytes("a: é ", [0xed, 0xa0, 0x80], "\n"), "invalid-utf8", 1, 6],
  ["after BOM", bytes([0xef, 0xbb, 0xbf], "a: ", [0xff], "\n"), "invalid-utf8", 1, 4],
  ["after astral char", bytes("a: 😀 ", [0xfe], "\n"), "invalid-utf8", 1, 7],
  ["real U+FFFD then bad", bytes("a: \uFFFD\nb: \uFFFD", [0xff], "\n"), "invalid-utf8", 2, 5],
  ["NUL byte", bytes("a: 1\n", [0], "\n"), "binary-file", 2, 1],
  ["PNG", bytes([0x89], "PNG\r\n", [0x1a, 0x0a, 0, 0, 0, 0x0d]), "binary-file", 3, 1],
  ["UTF-16 without BOM", utf16le("a: 1\n"), "binary-file", 1, 2],
  ["UTF-16 with NUL", bytes([0xfe, 0xff], utf16be("a: 1\n\0")), "binary-file", 2, 1],
  ["UTF-16 odd length", bytes([0xff, 0xfe], utf16le("a: 1\n"), [0x41]), "invalid-utf16", 2, 1],
  [
    "UTF-16 lone surrogate",
    bytes([0xff, 0xfe], utf16le("a: 1\nb: "), [0x00, 0xdc], utf16le("\n")),
    "invalid-utf16",
    2,
    4,
  ],
];

function load(input: string | Uint8Array): LoadResult {
  return loadPlaybookBytes("bad.yaml", typeof input === "string" ? Buffer.from(input) : input);
}

for (const [name, input, code, line, column] of cases) {
  test(`${code}: ${name}`, () => {
    const result = load(input);
    assert.is(result.value, undefined);
    assert.is(result.diagnostics.length, 1);
    const [d] = result.diagnostics;
    assert.equal(
      { code: d?.code, line: d?.line, column: d?.column, severity: d?.severity, file: d?.file },
      { code, line, column, severity: "error", file: "bad.yaml" },
    );
    assert.ok((d?.message.length ?? 0) > 10, "has a message");
  });
}

test("duplicate key message names the key and the first line", () => {
  const [d] = load("a: 1\nb: 2\na: 3\n").diagnostics;
  assert.is(d?.message, 'duplicate key "a" (first defined on line 1)');
  assert.equal([d?.endLine, d?.endColumn], [3, 2]);
  const [read] = load("1: x\n1.0: y\n").diagnostics;
  assert.is(read?.message, 'duplicate key "1.0", read as "1" (first defined on line 1)');
});

test("tab diagnostics say to indent with spaces", () => {
  for (const input of ["a:\n\tb: 1\n", "\ta: 1\n"])
    assert.is(load(input).diagnostics[0]?.hint, "indent with spaces");
});

test("a billion-laughs document is rejected in well under a second", () => {
  const started = performance.now();
  load(billionLaughs());
  assert.ok(performance.now() - started < 1000);
});

test("the limits themselves are fine: 100 aliases, 64 levels", () => {
  assert.equal(load(`a: &a x\nb: [${Array(100).fill("*a").join(", ")}]\n`).diagnostics, []);
  assert.equal(load(nestedMappings(64)).diagnostics, []);
});

test("file-too-large is decided before hashing or parsing", () => {
  const result = load(new Uint8Array(MAX_PLAYBOOK_BYTES + 1).fill(0x7b)); // "{{{{..."
  assert.is(result.sha256, "");
  assert.is(result.text, "");
});

test("never throws on mangled playbooks (seeded fuzz)", () => {
  const seed = Buffer.from(
    "id: KB1\nsteps:\n  - kind: run\n    script: |\n      echo 'hi'\n    when: {os: [10, 11]}\n",
  );
  let state = 12345;
  const random = (n: number) => (state = (state * 1103515245 + 12345) % 2 ** 31) % n;
  for (let round = 0; round < 500; round++) {
    const input = Buffer.from(seed);
    for (let k = 0; k < 1 + random(4); k++) input[random(input.length)] = random(256);
    const result = load(input);
    assert.ok(result.value !== undefined || result.diagnostics.some((d) => d.severity === "error"));
    for (const d of result.diagnostics) assert.ok(d.line >= 1 && d.column >= 1);
  }
});

test.run();
