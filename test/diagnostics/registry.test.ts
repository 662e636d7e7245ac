// The code registry against the sources and the docs: every registered code is
// reported somewhere in src/, codes stay typed, and docs/diagnostics.md explains
// each one (and nothing else).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Diagnostic } from "../../src/diagnostic.js";
import {
  diagnosticCodes,
  diagnosticDocsAnchor,
  DIAGNOSTICS_DOC,
  type DiagnosticCode,
} from "../../src/diagnostic-codes.js";

const REGISTRY = "src/diagnostic-codes.ts";
const codes = Object.keys(diagnosticCodes) as DiagnosticCode[];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

const sources = sourceFiles("src")
  .filter((path) => path !== REGISTRY)
  .map((path) => ({ path, text: readFileSync(path, "utf8") }));

// Compile-time half of "every code used is registered": if Diagnostic.code were
// loosened back to string, this line would stop compiling.
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const diagnosticCodeIsRegistered: Same<Diagnostic["code"], DiagnosticCode> = true;

test("Diagnostic.code is the registry's type", () => assert.ok(diagnosticCodeIsRegistered));

test("no code parameter or field in src/ is a plain string", () => {
  const loose = sources.filter(({ text }) => /\bcode\??: string\b/.test(text)).map((s) => s.path);
  assert.equal(loose, [], "type these as DiagnosticCode");
});

test("every registered code is reported somewhere in src/", () => {
  const unused = codes.filter((code) => !sources.some(({ text }) => text.includes(`"${code}"`)));
  assert.equal(unused, [], "registered but never reported: remove them or report them");
});

test("every code has a one-line summary and a known severity", () => {
  for (const code of codes) {
    const { severity, summary } = diagnosticCodes[code];
    assert.ok(severity === "error" || severity === "warning", code);
    assert.ok(summary.length > 10 && !summary.includes("\n"), code);
  }
});

const docs = readFileSync(DIAGNOSTICS_DOC, "utf8");
const headings = [...docs.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());

test("docs/diagnostics.md has a section per code, each with meaning, example and fix", () => {
  const missing = codes.filter((code) => !headings.includes(code));
  assert.equal(missing, [], "codes without a section");
  for (const code of codes) {
    const section = docs.split(/^## /m).find((s) => s.startsWith(`${code}\n`)) ?? "";
    for (const part of ["Example:", "Fix:"]) assert.ok(section.includes(part), `${code}: ${part}`);
    assert.ok(diagnosticDocsAnchor(code).endsWith(`#${code}`));
  }
});

test("docs/diagnostics.md documents no code the registry lacks", () => {
  const stale = headings.filter((h) => /^[a-z0-9-]+$/.test(h) && !(h in diagnosticCodes));
  assert.equal(stale, []);
});

test.run();
