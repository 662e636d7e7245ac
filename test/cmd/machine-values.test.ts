// Text read from the machine never reaches a batch line unchecked (docs/emitted-script-rules.md,
// machine-values): environment variables are expanded only with the substitution that drops
// double quotes, and every capture of tool output, a listed name or a state file is stripped of
// its quotes (kb_dequote, kb_machine_name, or that substitution) before anything else expands it.
// The lists below declare what is machine-read; a template that expands one plainly fails here.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ENVIRONMENT_BASES } from "../../src/model/path-expr.js";

/** Environment variables a batch script may read: their text is the machine's, not the playbook's. */
const MACHINE_ENV = [
  ...ENVIRONMENT_BASES,
  "CommonProgramFiles",
  "TEMP",
  "TMP",
  "USERNAME",
  "USERDOMAIN",
  "COMPUTERNAME",
  "USERPROFILE",
  "APPDATA",
  "LOCALAPPDATA",
  "PUBLIC",
  "PROCESSOR_ARCHITECTURE",
  "PROCESSOR_ARCHITEW6432",
];

/**
 * Variables that receive machine text raw, from a for /f over a file (tool output, dir's list)
 * or set /p (a state file), before its double quotes are gone.
 */
const RAW_CAPTURES = [
  "KB_V", // a line of reg, wevtutil or dir output, or a state file: kb_dequote / kb_machine_name
  "KB_VERLINE", // ver's line
  "KB_SVC_START", // sc qc's START_TYPE
  "KB_SVC_STATE", // sc query's STATE
  "KB_DL1", // sc enumdepend's fields
  "KB_DL2",
  "KB_DL3",
  "KB_DL4",
];

/** Calls that take KB_V raw and leave it free of double quotes. */
const KB_V_CLEANERS = /^call :kb_(dequote|machine_name)$/;

const ROOT = "templates/cmd";

function templates(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? templates(join(dir, e.name))
      : e.name.endsWith(".hbs")
        ? [join(dir, e.name)]
        : [],
  );
}

const code = (line: string) => !/^\s*(rem\b|::)/i.test(line);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Plain expansions of environment variables in a template's lines (the quote-dropping forms pass). */
export function plainEnvExpansions(lines: string[]): string[] {
  const found: string[] = [];
  for (const name of MACHINE_ENV) {
    const any = new RegExp(`%${escape(name)}(%|:)`, "i");
    const safe = new RegExp(`%${escape(name)}:"=#?%`, "gi");
    for (const line of lines.filter(code))
      // %% is a literal percent sign (or a for variable), never an expansion.
      if (any.test(line.replaceAll("%%", "\0").replace(safe, ""))) found.push(`${name}: ${line}`);
  }
  return found;
}

/**
 * Raw captures whose first use is not the quote-dropping substitution (or, for KB_V, one of the
 * routines that drop them). A capture in a for body that calls a routine is followed there.
 */
export function uncleanedCaptures(lines: string[]): string[] {
  const found: string[] = [];
  lines.forEach((line, i) => {
    if (!code(line)) return;
    const names = [
      ...[...line.matchAll(/\bset "([A-Za-z0-9_]+)=%%[A-Za-z]"/g)].map((m) => m[1]!),
      ...[...line.matchAll(/\bset \/p ([A-Za-z0-9_]+)=/g)].map((m) => m[1]!),
    ];
    if (names.length === 0) return;
    const fromFile = /\bset \/p /.test(line) || /for \/f "usebackq/.test(line);
    if (!fromFile) return;
    const call = /call :([A-Za-z0-9_]+)\)?\s*$/.exec(line)?.[1];
    const start = call ? lines.findIndex((l) => l.trim() === `:${call}`) + 1 : i + 1;
    for (const name of names) {
      if (!RAW_CAPTURES.includes(name)) {
        found.push(`${name} is captured raw but not declared in RAW_CAPTURES: ${line}`);
        continue;
      }
      const use = new RegExp(`%${name}(%|:)`);
      const next = lines.slice(start).find((l) => {
        if (!code(l)) return false;
        if (name === "KB_V" && KB_V_CLEANERS.test(l.trim())) return true;
        return use.test(l);
      });
      if (!next) continue;
      const cleaned =
        (name === "KB_V" && KB_V_CLEANERS.test(next.trim())) ||
        new RegExp(`%${name}:"=[^%]*%`).test(next);
      if (!cleaned) found.push(`${name} is used before its quotes are dropped: ${next}`);
    }
  });
  return found;
}

const read = (file: string) => readFileSync(file, "utf8").split(/\r?\n/);

test("no template expands a machine-read environment variable plainly", () => {
  const found = templates().flatMap((f) => plainEnvExpansions(read(f)).map((l) => `${f}: ${l}`));
  assert.equal(found, []);
});

test("every raw capture of machine text loses its double quotes before it is used", () => {
  const found = templates().flatMap((f) => uncleanedCaptures(read(f)).map((l) => `${f}: ${l}`));
  assert.equal(found, []);
});

test("the checks find a plain expansion and an unchecked capture", () => {
  assert.equal(plainEnvExpansions(['set "KB_T=%windir%\\System32"']).length, 1);
  assert.equal(plainEnvExpansions(['if "%ProgramFiles(x86):~0,1%"=="C" exit /b 0']).length, 1);
  assert.equal(plainEnvExpansions(['if defined TEMP set "KB_EV=%TEMP:"=%"']), []);
  assert.equal(plainEnvExpansions(["rem %windir% in a comment is not code"]), []);
  assert.equal(plainEnvExpansions(['if /i "%KB_PV:~0,8%"=="%%windir%%" goto :x']), []);
  const capture = 'for /f "usebackq eol=| delims=" %%L in ("%KB_TMP%") do set "KB_VERLINE=%%L"';
  assert.equal(uncleanedCaptures([capture, 'if "%KB_VERLINE%"=="x" exit /b 0']).length, 1);
  assert.equal(uncleanedCaptures([capture, 'set "KB_VERLINE=%KB_VERLINE:"=%"']), []);
  const viaCall = 'for /f "usebackq delims=" %%L in ("%KB_TMP%") do (set "KB_V=%%L" & call :kb_x)';
  assert.equal(uncleanedCaptures([viaCall, ":kb_x", 'set "KB_E=%KB_V%"']).length, 1);
  assert.equal(uncleanedCaptures([viaCall, ":kb_x", "call :kb_dequote", 'set "E=%KB_V%"']), []);
  const undeclared = 'for /f "usebackq delims=" %%L in ("%KB_TMP%") do set "KB_NEW=%%L"';
  assert.match(uncleanedCaptures([undeclared])[0] ?? "", "not declared");
});

test.run();
