// The simulated Windows (test/support/simulated-windows) runs the emitted scripts unchanged, so
// it must stand in for everything they do to the machine. test/ps/sim-surface.json is the
// allowlist: every external command, `& $program`, type literal, New-Object type and static
// member the scripts may use, each "faked" (with the area of the machine it touches) or "pure".
// Anything new in a script fails here, naming the script and the item, until it is classified.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/pwsh.js";
import { pwshTest } from "./pwsh-gate.js";
import { scriptSurfaces } from "./surface.js";
import { collectUses, describe, externalCommands, type Picker, type Use } from "./surface-uses.js";

interface Entry {
  kind: "faked" | "pure";
  area?: string;
  note?: string;
}
const SECTIONS = ["commands", "dynamicCommands", "types", "newObject", "staticMembers"] as const;
type SimList = Record<(typeof SECTIONS)[number], Record<string, Entry>>;

/** The parts of a machine the simulation fakes. */
const AREAS = [
  "file system",
  "registry",
  "services",
  "events",
  "certificates",
  "processes",
  "environment",
  "identity",
  "OS version",
];

const LIST_FILE = "test/ps/sim-surface.json";
const list = JSON.parse(readFileSync(join(repoRoot, LIST_FILE), "utf8")) as SimList;

const picker: Picker = function* (script) {
  for (const [name, command] of externalCommands(script)) yield [`commands ${name}`, command.line];
  for (const [text, use] of Object.entries(script.dynamicCommands))
    yield [`dynamicCommands ${text}`, use.line];
  for (const [name, type] of Object.entries(script.types)) yield [`types ${name}`, type.line];
  for (const [name, use] of Object.entries(script.newObject)) yield [`newObject ${name}`, use.line];
  for (const m of Object.values(script.staticMembers))
    yield [`staticMembers ${m.type}::${m.member}`, m.line];
};

function listed(): Map<string, string> {
  const items = new Map<string, string>();
  for (const section of SECTIONS)
    for (const name of Object.keys(list[section]))
      items.set(`${section} ${name}`.toLowerCase(), `${section} ${name}`);
  return items;
}

let uses: Map<string, Use> | undefined;
const used = () => (uses ??= collectUses(scriptSurfaces(), picker));

pwshTest("everything the scripts use is in the simulation's allowlist (sim-surface.json)", () => {
  const known = listed();
  const missing = [...used()].filter(([key]) => !known.has(key)).map(([, use]) => use);
  assert.ok(
    missing.length === 0,
    `not in ${LIST_FILE} (classify each as faked or pure):\n${describe(missing)}`,
  );
});

pwshTest("every allowlist entry is used by some script (the list stays honest)", () => {
  const unused = [...listed()].filter(([key]) => !used().has(key)).map(([, label]) => label);
  assert.ok(unused.length === 0, `in ${LIST_FILE} but used nowhere:\n${unused.join("\n")}`);
});

test("every allowlist entry is faked (with the area it touches) or pure", () => {
  const bad: string[] = [];
  for (const section of SECTIONS)
    for (const [name, entry] of Object.entries(list[section])) {
      const ok =
        entry.kind === "pure"
          ? entry.area === undefined
          : entry.kind === "faked" && AREAS.includes(entry.area ?? "");
      if (!ok) bad.push(`${section} ${name}: ${JSON.stringify(entry)}`);
    }
  assert.ok(bad.length === 0, bad.join("\n"));
});

test("a static member of a faked type is faked too (the fake type must provide it)", () => {
  const fakedTypes = new Set(
    Object.entries(list.types)
      .filter(([, entry]) => entry.kind === "faked")
      .map(([name]) => name.toLowerCase()),
  );
  const bad = Object.entries(list.staticMembers)
    .filter(([name, entry]) => {
      const type = name.slice(0, name.lastIndexOf("::")).toLowerCase();
      return fakedTypes.has(type) && entry.kind !== "faked";
    })
    .map(([name]) => name);
  assert.equal(bad, []);
});

test.run();
