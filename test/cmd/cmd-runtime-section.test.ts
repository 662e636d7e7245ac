// Every committed .fix.cmd's runtime, read back with this test's own cutting (not the
// emitter's): one section under a marker whose hash holds, each subroutine in it the text of
// the same label under templates/cmd/runtime, none of them unreached, and no runtime label
// outside it. A reviewer who trusts this reads the script above the marker and checks the hash.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { findRuntimeSection } from "../../src/emit/runtime-marker.js";
import { TOOL_VERSION } from "../../src/version.js";
import { COMMITTED_IDS } from "../support/runtime-sources.js";

const RUNTIME_DIR = "templates/cmd/runtime";

/** The files under `dir` whose names match `ext`, at any depth. */
function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((n) => {
    const path = join(dir, n);
    return statSync(path).isDirectory() ? filesUnder(path, ext) : ext.test(n) ? [path] : [];
  });
}

/** Lines cut at label lines: label -> its lines up to the next label, trailing blanks dropped. */
function byLabel(lines: readonly string[]): Map<string, string[]> {
  const cut = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of lines) {
    const label = /^:(\w+)$/.exec(line)?.[1];
    if (label) cut.set(label, (current = []));
    else current?.push(line);
  }
  for (const body of cut.values()) while (body.at(-1) === "") body.pop();
  return cut;
}

const templates = filesUnder(RUNTIME_DIR, /\.cmd$/).map((f) =>
  readFileSync(f, "utf8").replace(/\r\n/g, "\n").split("\n"),
);
const TEMPLATE = new Map(templates.flatMap((lines) => [...byLabel(lines)]));
/** What each file has above its first label: its heading, which the section keeps with it. */
const HEADINGS = new Set(
  templates.flatMap((lines) =>
    lines.slice(
      0,
      lines.findIndex((l) => l.startsWith(":")),
    ),
  ),
);

function withoutHeadings(body: readonly string[]): string[] {
  const own = body.filter((l) => !HEADINGS.has(l));
  while (own.at(-1) === "") own.pop();
  return own;
}

/** cmd runs into a label from the code above it unless that ends in exit or goto. */
function fallenIntoIn(lines: readonly string[], label: string): boolean {
  let i = lines.indexOf(`:${label}`) - 1;
  while (i >= 0 && (lines[i] === "" || /^\s*rem\b/i.test(lines[i]!))) i--;
  return i >= 0 && !/^\s*(exit|goto)\b/i.test(lines[i]!);
}

for (const id of COMMITTED_IDS) {
  const script = readFileSync(`out/${id}/${id}.fix.cmd`, "latin1");
  const lines = script.split("\r\n");
  const found = findRuntimeSection(script);

  test(`${id}.fix.cmd: one runtime section, its hash as its marker states`, () => {
    assert.ok(found, "no runtime section");
    assert.is(found!.version, TOOL_VERSION);
    assert.is(found!.actual, found!.claimed);
    assert.is(script.split("==== kbfix runtime ").length, 2, "one marker");
  });

  test(`${id}.fix.cmd: each runtime subroutine is the templates' text for its label`, () => {
    const section = byLabel(found!.lines);
    assert.ok(section.size > 20);
    for (const [label, body] of section) {
      const expected = TEMPLATE.get(label);
      assert.ok(expected, `:${label} is not a label of ${RUNTIME_DIR}`);
      // A file's heading may follow the last subroutine of the file before it.
      assert.equal(withoutHeadings(body), withoutHeadings(expected!), `:${label}`);
    }
    for (const line of found!.lines.filter((l) => /^rem ---- .* ----$/.test(l)))
      assert.ok(HEADINGS.has(line), line);
  });

  test(`${id}.fix.cmd: every call or goto of a runtime label is in lower case, as the shaker reads it`, () => {
    const code = lines.filter((l) => !/^\s*rem\b/i.test(l));
    const dynamic = new Set(code.flatMap((l) => [...l.matchAll(/:%(\w+)%/g)].map((m) => m[1]!)));
    const targets = code.flatMap((l) => [
      ...[...l.matchAll(/\b(?:call|goto)\s+:?(\w+)/gi)].map((m) => m[1]!),
      ...[...l.matchAll(/\bset "(\w+)=(\w+)"/g)]
        .filter((m) => dynamic.has(m[1]!))
        .map((m) => m[2]!),
    ]);
    assert.ok(targets.some((t) => TEMPLATE.has(t)));
    assert.equal(
      targets.filter((t) => t !== t.toLowerCase() && TEMPLATE.has(t.toLowerCase())),
      [],
    );
  });

  test(`${id}.fix.cmd: no runtime label outside the section, none in it unreached`, () => {
    const begin = lines.findIndex((l) => l.startsWith("rem ==== kbfix runtime "));
    const outside = lines.slice(0, begin).filter((l) => TEMPLATE.has(l.slice(1)) && l[0] === ":");
    assert.equal(outside, []);
    const code = lines.filter((l) => !/^\s*rem\b/i.test(l));
    const unreached = [...byLabel(found!.lines).keys()].filter(
      (label) =>
        !code.some((l) => l !== `:${label}` && new RegExp(`\\b${label}\\b`, "i").test(l)) &&
        !fallenIntoIn(found!.lines, label),
    );
    assert.equal(unreached, []);
  });
}

/** Every text a batch label can be named from: the templates and the kinds' declarations. */
const CALLER_TEXTS = [
  ...filesUnder("templates/cmd", /\.(hbs|cmd)$/),
  ...filesUnder("src", /\.ts$/),
].map((f) => readFileSync(f, "utf8"));

/** The label after each label in its own template file. */
const NEXT_IN_FILE = new Map(
  templates.flatMap((lines) => {
    const labels = lines.filter((l) => /^:\w+$/.test(l)).map((l) => l.slice(1));
    return labels.slice(0, -1).map((label, i) => [label, labels[i + 1]!] as const);
  }),
);

for (const id of COMMITTED_IDS)
  test(`${id}.fix.cmd: a subroutine that runs on is followed by the one it runs into`, () => {
    const section = findRuntimeSection(readFileSync(`out/${id}/${id}.fix.cmd`, "latin1"))!.lines;
    const labels = section.filter((l) => /^:\w+$/.test(l)).map((l) => l.slice(1));
    const runsOn = labels.filter((label, i) => {
      const next = labels[i + 1];
      const into = next !== undefined && fallenIntoIn(section, next);
      return into && NEXT_IN_FILE.get(label) !== next;
    });
    assert.equal(runsOn, []);
    const fallers = labels.filter((l, i) => labels[i + 1] && fallenIntoIn(section, labels[i + 1]!));
    assert.ok(fallers.length > 0, "no subroutine runs on: the check would check nothing");
  });

test("every call, goto and dynamic target of a runtime label in templates/cmd and src is lower case", () => {
  const texts = CALLER_TEXTS;
  const named = texts.flatMap((t) => [
    ...[...t.matchAll(/\b(?:call|goto)\s+:?(\w+)/gi)].map((m) => m[1]!),
    ...[...t.matchAll(/\bset "?KB_\w+=(\w+)"?/g)].map((m) => m[1]!),
    ...[...t.matchAll(/\b(?:call|entries): \[?"(\w+)"/g)].map((m) => m[1]!),
  ]);
  assert.ok(named.filter((n) => TEMPLATE.has(n)).length > 50);
  assert.equal(
    named.filter((n) => n !== n.toLowerCase() && TEMPLATE.has(n.toLowerCase())),
    [],
  );
});

test("every runtime subroutine is named somewhere: no dead batch code in templates/cmd/runtime", () => {
  const code = CALLER_TEXTS.flatMap((t) => t.split(/\r?\n/)).filter(
    (l) => !/^\s*rem\b/i.test(l) && !/^:\w+$/.test(l),
  );
  const named = new Set(
    code.flatMap((l) => (l.match(/\bkb_\w+/gi) ?? []).map((n) => n.toLowerCase())),
  );
  const fallenInto = (label: string) =>
    templates.some((lines) => lines.includes(`:${label}`) && fallenIntoIn(lines, label));
  assert.equal(
    [...TEMPLATE.keys()].filter((label) => !named.has(label) && !fallenInto(label)),
    [],
  );
});

test.run();
