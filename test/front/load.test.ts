// Loading good playbooks: the value, the hash, and source-map spans that stay
// right whatever the line endings and encoding.
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Span } from "../../src/diagnostic.js";
import { loadPlaybookBytes, loadPlaybookFile, MAX_PLAYBOOK_BYTES } from "../../src/front/load.js";
import { tempDir } from "../support/temp-dir.js";

const PLAYBOOK = [
  "id: KB5034441",
  'title: "Fix: WinRE"',
  "methods:",
  "  - name: resize",
  "    steps:",
  "      - kind: run",
  "        script: |",
  "          reagentc /disable",
  "          reagentc /enable",
  "      - {kind: reboot, after: [1, 2]}",
  "notes: >",
  "  folded",
  "  text",
  "plain: first",
  "  second",
  'quoted: "one',
  '  two"',
  "empty:",
  "",
].join("\n");

const PLAYBOOK_VALUE = {
  id: "KB5034441",
  title: "Fix: WinRE",
  methods: [
    {
      name: "resize",
      steps: [
        { kind: "run", script: "reagentc /disable\nreagentc /enable\n" },
        { kind: "reboot", after: [1, 2] },
      ],
    },
  ],
  notes: "folded text\n",
  plain: "first second",
  quoted: "one two",
  empty: null,
};

type Tuple = [number, number, number, number];
const tuple = (s: Span): Tuple => [s.line, s.column, s.endLine ?? 0, s.endColumn ?? 0];

/** pointer, value span, key span: [line, column, endLine, endColumn (exclusive)]. */
const SPANS: [string, Tuple, Tuple][] = [
  ["", [1, 1, 18, 6], [1, 1, 18, 6]],
  ["/id", [1, 5, 1, 14], [1, 1, 1, 3]],
  ["/title", [2, 8, 2, 20], [2, 1, 2, 6]],
  ["/methods", [4, 3, 10, 38], [3, 1, 3, 8]],
  ["/methods/0", [4, 5, 10, 38], [4, 5, 10, 38]],
  ["/methods/0/name", [4, 11, 4, 17], [4, 5, 4, 9]],
  ["/methods/0/steps", [6, 7, 10, 38], [5, 5, 5, 10]],
  ["/methods/0/steps/0/kind", [6, 15, 6, 18], [6, 9, 6, 13]],
  ["/methods/0/steps/0/script", [7, 17, 9, 27], [7, 9, 7, 15]],
  ["/methods/0/steps/1", [10, 9, 10, 38], [10, 9, 10, 38]],
  ["/methods/0/steps/1/kind", [10, 16, 10, 22], [10, 10, 10, 14]],
  ["/methods/0/steps/1/after", [10, 31, 10, 37], [10, 24, 10, 29]],
  ["/methods/0/steps/1/after/1", [10, 35, 10, 36], [10, 35, 10, 36]],
  ["/notes", [11, 8, 13, 7], [11, 1, 11, 6]],
  ["/plain", [14, 8, 15, 9], [14, 1, 14, 6]],
  ["/quoted", [16, 9, 17, 7], [16, 1, 16, 7]],
  ["/empty", [18, 1, 18, 6], [18, 1, 18, 6]],
  // Unknown pointers: the nearest recorded ancestor.
  ["/methods/0/steps/0/missing", [6, 9, 9, 27], [6, 9, 9, 27]],
  ["/nope/deeper", [1, 1, 18, 6], [1, 1, 18, 6]],
];

const utf8 = (text: string) => Buffer.from(text, "utf8");
const ENCODINGS: [string, Uint8Array][] = [
  ["LF", utf8(PLAYBOOK)],
  ["CRLF", utf8(PLAYBOOK.replace(/\n/g, "\r\n"))],
  ["CR", utf8(PLAYBOOK.replace(/\n/g, "\r"))],
  ["BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(PLAYBOOK)])],
  [
    "BOM+CRLF",
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(PLAYBOOK.replace(/\n/g, "\r\n"))]),
  ],
  ["UTF-16LE", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAYBOOK, "utf16le")])],
  [
    "UTF-16BE",
    Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(PLAYBOOK, "utf16le").swap16()]),
  ],
];

for (const [name, bytes] of ENCODINGS) {
  test(`${name}: value, hash of the raw bytes, BOM-less text`, () => {
    const result = loadPlaybookBytes("kb.yaml", bytes);
    assert.equal(result.diagnostics, []);
    assert.equal(result.value, PLAYBOOK_VALUE);
    assert.is(result.sha256, createHash("sha256").update(bytes).digest("hex"));
    assert.is(result.text.charCodeAt(0), "i".charCodeAt(0));
    assert.is(result.file, "kb.yaml");
  });

  test(`${name}: spans of keys and values`, () => {
    const { map } = loadPlaybookBytes("kb.yaml", bytes);
    for (const [pointer, value, key] of SPANS) {
      assert.equal(tuple(map.value(pointer)), value, `value ${pointer}`);
      assert.equal(tuple(map.key(pointer)), key, `key ${pointer}`);
    }
  });
}

function load(text: string) {
  const result = loadPlaybookBytes("t.yaml", utf8(text));
  assert.equal(result.diagnostics, []);
  return result;
}

test("flow style across lines, with a comment holding a bracket", () => {
  const { map, value } = load("{a: 1, b: [x, {c: d}]}\n");
  assert.equal(value, { a: 1, b: ["x", { c: "d" }] });
  assert.equal(tuple(map.value("")), [1, 1, 1, 23]);
  assert.equal(tuple(map.value("/b")), [1, 11, 1, 22]);
  assert.equal(tuple(map.value("/b/1")), [1, 15, 1, 21]);
  assert.equal(tuple(map.key("/b/1/c")), [1, 16, 1, 17]);
  const multi = load("a: [\n  x, # not the end ]\n  y\n  ]\nb: {}\n");
  assert.equal(tuple(multi.map.value("/a")), [1, 4, 4, 4]);
  assert.equal(tuple(multi.map.value("/a/1")), [3, 3, 3, 4]);
  assert.equal(tuple(multi.map.value("/b")), [5, 4, 5, 6]);
});

test("block scalars: keep-chomping span ends on the last text line", () => {
  const { map, value } = load("c: |+\n  keep\n\n\nd: x\n");
  assert.equal(value, { c: "keep\n\n\n", d: "x" });
  assert.equal(tuple(map.value("/c")), [1, 4, 2, 7]);
  const anchored = load("a: &x|y >-\n  folded\nb: *x|y\n");
  assert.equal(anchored.value, { a: "folded", b: "folded" });
  assert.equal(tuple(anchored.map.value("/a")), [1, 9, 2, 9]);
});

test("anchors and merge keys are accepted; merged keys point at their mapping", () => {
  const text =
    "defaults: &d\n  shell: powershell\n  timeout: 60\nsteps:\n  - <<: *d\n    script: a\n  - <<: *d\n    timeout: 5\n";
  const { map, value } = load(text);
  assert.equal(value, {
    defaults: { shell: "powershell", timeout: 60 },
    steps: [
      { shell: "powershell", timeout: 60, script: "a" },
      { shell: "powershell", timeout: 5 },
    ],
  });
  assert.equal(tuple(map.value("/steps/0/shell")), [5, 5, 6, 14]);
  assert.equal(tuple(map.value("/steps/1/timeout")), [8, 14, 8, 15]);
  assert.equal(tuple(map.value("/steps/0/<<")), [5, 9, 5, 11]);
});

test("non-string keys become strings, as in the value", () => {
  const { map, value } = load("1: a\ntrue: b\n~: c\n0x10: d\n");
  assert.equal(value, { "1": "a", true: "b", null: "c", "16": "d" });
  assert.equal(tuple(map.key("/16")), [4, 1, 4, 5]);
  assert.equal(tuple(map.key("/null")), [3, 1, 3, 2]);
});

test("keys with / and ~ are escaped in pointers", () => {
  const { map } = load('"a/b": 1\n"c~d": 2\n');
  assert.equal(tuple(map.value("/a~1b")), [1, 8, 1, 9]);
  assert.equal(tuple(map.key("/c~0d")), [2, 1, 2, 6]);
});

test("__proto__ is an ordinary key, and core tags like !!str work", () => {
  const { value } = load("__proto__: {polluted: true}\nzip: !!str 010\n");
  const record = value as Record<string, unknown>;
  assert.ok(Object.hasOwn(record, "__proto__"));
  assert.is(({} as Record<string, unknown>).polluted, undefined);
  assert.is(record.zip, "010");
});

test("columns count UTF-16 units, so astral characters take two", () => {
  const { map } = load("a: 😀\nb: x\nc: [😀, y]\n");
  assert.equal(tuple(map.value("/a")), [1, 4, 1, 6]);
  assert.equal(tuple(map.value("/c/1")), [3, 9, 3, 10]);
});

function withTempDir(body: (dir: string) => void): void {
  const dir = tempDir("kbfix-load-");
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("loadPlaybookFile: reads, names the file as displayed, hashes the bytes", () => {
  withTempDir((dir) => {
    const path = join(dir, "KB1.yaml");
    writeFileSync(path, "\uFEFFid: KB1\n");
    const result = loadPlaybookFile(path, "playbooks/KB1.yaml");
    assert.equal(result.value, { id: "KB1" });
    assert.is(result.file, "playbooks/KB1.yaml");
    assert.is(
      result.sha256,
      createHash("sha256").update(Buffer.from("\uFEFFid: KB1\n")).digest("hex"),
    );
    assert.is(loadPlaybookFile(path).file, path);
  });
});

test("loadPlaybookFile: missing, directory, too large are diagnostics", () => {
  withTempDir((dir) => {
    const big = join(dir, "big.yaml");
    writeFileSync(big, "");
    truncateSync(big, MAX_PLAYBOOK_BYTES + 1);
    mkdirSync(join(dir, "folder.yaml"));
    const expected: [string, string][] = [
      [join(dir, "missing.yaml"), "file-not-found"],
      [join(dir, "folder.yaml"), "file-unreadable"],
      [big, "file-too-large"],
    ];
    for (const [path, code] of expected) {
      const result = loadPlaybookFile(path, "shown.yaml");
      assert.is(result.value, undefined);
      assert.equal(
        result.diagnostics.map((d) => [d.file, d.code, d.line, d.column, d.severity]),
        [["shown.yaml", code, 1, 1, "error"]],
      );
      assert.equal(tuple(result.map.value("/id")), [1, 1, 1, 1]);
    }
  });
});

test.run();
