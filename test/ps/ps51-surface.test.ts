// The emitted scripts run on Windows PowerShell 5.1 (.NET Framework 4.5.2 and later); the tests
// have PowerShell 7.6. Two checks keep the scripts inside what 5.1 has (docs/powershell-5.1-surface.md):
// no syntax newer than 5.1 (test/ps/syntax7.ps1, shown to find each construct in a sample), and
// every command, parameter, type and member used is in test/ps/ps51-surface.json with its source.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/pwsh.js";
import { pwshTest } from "./pwsh-gate.js";
import { SYNTAX7_SAMPLE, scanSurfaces, scriptSurfaces } from "./surface.js";
import {
  collectUses,
  describe,
  externalCommands,
  memberLabels,
  type Picker,
  type Use,
} from "./surface-uses.js";

interface Entry {
  source: string;
  note?: string;
  /** Set when 5.1 lacks the item: using it is a failure, with this explanation. */
  missingIn51?: string;
}
type Member = string | { signature: string; source: string; note?: string; missingIn51?: string };
interface Ps51List {
  commands: Record<
    string,
    Entry & { parameters: string[]; hashtableKeys?: Record<string, string[]> }
  >;
  types: Record<string, Entry & { fullName: string; members?: Record<string, Member> }>;
  /** Instance methods by "Name/argument count"; on: the types the scripts call it on. */
  methods: Record<string, Entry & { on: string[]; signature: string }>;
}

const LIST_FILE = "test/ps/ps51-surface.json";
const list = JSON.parse(readFileSync(join(repoRoot, LIST_FILE), "utf8")) as Ps51List;

/** What the list holds, in the labels the pickers below produce. */
function listed(): Map<string, { label: string; missingIn51?: string }> {
  const items = new Map<string, { label: string; missingIn51?: string }>();
  const add = (label: string, missingIn51?: string) =>
    items.set(label.toLowerCase(), { label, missingIn51 });
  for (const [name, command] of Object.entries(list.commands)) {
    add(`command ${name}`, command.missingIn51);
    for (const parameter of command.parameters) add(`parameter ${name} -${parameter}`);
    for (const [parameter, keys] of Object.entries(command.hashtableKeys ?? {}))
      for (const key of keys) add(`key ${name} -${parameter} ${key}`);
  }
  for (const [name, type] of Object.entries(list.types)) {
    add(`type ${name}`, type.missingIn51);
    for (const [member, value] of Object.entries(type.members ?? {}))
      add(`member ${name}::${member}`, typeof value === "string" ? undefined : value.missingIn51);
  }
  for (const [method, entry] of Object.entries(list.methods))
    add(`method ${method}`, entry.missingIn51);
  return items;
}

const picker: Picker = function* (script) {
  for (const [name, command] of externalCommands(script)) {
    yield [`command ${name}`, command.line];
    for (const parameter of command.parameters)
      yield [`parameter ${name} -${parameter}`, command.line];
    for (const [parameter, keys] of Object.entries(command.hashtableKeys))
      for (const key of keys) yield [`key ${name} -${parameter} ${key}`, command.line];
  }
  for (const [name, type] of Object.entries(script.types)) yield [`type ${name}`, type.line];
  for (const name of Object.keys(script.newObject))
    yield [`type ${name}`, script.newObject[name]!.line];
  for (const [label, line] of memberLabels(script)) yield [`member ${label}`, line];
  for (const [name, method] of Object.entries(script.methods))
    for (const arity of method.arities) yield [`method ${name}/${arity}`, method.line];
};

let uses: Map<string, Use> | undefined;
const used = () => (uses ??= collectUses(scriptSurfaces(), picker));

pwshTest("every scanned script parses (the scan reads the real parser's AST)", () => {
  const errors = scanSurfaces().flatMap((s) =>
    s.parseErrors.map((e) => `${s.path}:${e.line}:${e.column}: ${e.message}`),
  );
  assert.ok(errors.length === 0, errors.join("\n"));
});

pwshTest("no emitted script uses syntax newer than Windows PowerShell 5.1", () => {
  const hits = scriptSurfaces().flatMap((s) =>
    s.syntax7.map((h) => `${s.path}:${h.line}:${h.column}: ${h.construct}: ${h.text}`),
  );
  assert.ok(hits.length === 0, hits.join("\n"));
});

pwshTest("the syntax check finds each 7-only construct in the sample, and nothing else", () => {
  const sample = scanSurfaces().find((s) => s.path === SYNTAX7_SAMPLE);
  assert.ok(sample, `${SYNTAX7_SAMPLE} was not scanned`);
  const lines = readFileSync(join(repoRoot, SYNTAX7_SAMPLE), "utf8").split(/\r?\n/);
  const expected = lines.flatMap((text, i) => {
    const mark = / # 7: (.+)$/.exec(text);
    return mark ? [`${i + 1}: ${mark[1]}`] : [];
  });
  assert.ok(expected.length >= 20, "the sample lost its marked lines");
  const found = sample!.syntax7.map((h) => `${h.line}: ${h.construct}`);
  assert.equal(found.sort(), expected.sort());
});

pwshTest(
  "everything the scripts use is in ps51-surface.json (Windows PowerShell 5.1 has it)",
  () => {
    const known = listed();
    const missing = [...used()].filter(([key]) => !known.has(key)).map(([, use]) => use);
    assert.ok(missing.length === 0, `not in ${LIST_FILE}:\n${describe(missing)}`);
  },
);

pwshTest("nothing the scripts use is missing from Windows PowerShell 5.1", () => {
  const known = listed();
  const gaps = [...used()].flatMap(([key, use]) => {
    const reason = known.get(key)?.missingIn51;
    return reason ? [{ ...use, label: `${use.label}: ${reason}` }] : [];
  });
  assert.ok(gaps.length === 0, `used, but Windows PowerShell 5.1 lacks it:\n${describe(gaps)}`);
});

pwshTest("every entry of ps51-surface.json is used by some script (the list stays honest)", () => {
  const unused = [...listed()].filter(([key]) => !used().has(key)).map(([, item]) => item.label);
  assert.ok(unused.length === 0, `in ${LIST_FILE} but used nowhere:\n${unused.join("\n")}`);
});

test("every entry of ps51-surface.json names its source", () => {
  const entries: [string, { source?: string }][] = [
    ...Object.entries(list.commands),
    ...Object.entries(list.types),
    ...Object.entries(list.methods),
  ];
  for (const [name, type] of Object.entries(list.types))
    for (const [member, value] of Object.entries(type.members ?? {}))
      if (typeof value !== "string") entries.push([`${name}::${member}`, value]);
  const bad = entries.filter(([, e]) => !/^https:\/\/learn\.microsoft\.com\//.test(e.source ?? ""));
  assert.equal(
    bad.map(([name]) => name),
    [],
  );
});

test.run();
