// The other half of the allowlist: everything test/ps/sim-surface.json marks "faked" is really
// replaced by the simulated Windows (a type under that exact name, with that static member; a
// command shadowed by a function), so a script using it never reaches the Linux machine.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/pwsh.js";
import { runPwshFile } from "../support/run-pwsh.js";
import { pwshTest } from "./pwsh-gate.js";

type Section = Record<string, { kind: "faked" | "pure" }>;
const list = JSON.parse(readFileSync(join(repoRoot, "test/ps/sim-surface.json"), "utf8")) as Record<
  string,
  Section
>;
const faked = (section: string): string[] =>
  Object.entries(list[section] ?? {})
    .filter(([, entry]) => entry.kind === "faked")
    .map(([name]) => name);

const report =
  pwshTest === test ? runPwshFile(join(repoRoot, "test/ps/sim-members.ps1"), []) : undefined;
const real = report
  ? (JSON.parse(report.stdout) as { types: Record<string, string[]>; commands: string[] })
  : undefined;

pwshTest("every faked type and New-Object type is replaced under its exact name", () => {
  for (const name of [...faked("types"), ...faked("newObject")])
    assert.ok(real!.types[name], `${name} is not replaced`);
});

pwshTest("every faked static member exists on its fake", () => {
  for (const entry of faked("staticMembers")) {
    const [type, member] = entry.split("::") as [string, string];
    assert.ok(real!.types[type]?.includes(member), `${type}::${member} is missing from the fake`);
  }
});

pwshTest("every faked command is shadowed by the simulation", () => {
  for (const name of faked("commands"))
    assert.ok(real!.commands.includes(name), `${name} is not shadowed`);
});

test.run();
