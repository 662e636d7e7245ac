// A new step kind is its module, its runtime file per target, its test, one line in the registry
// and its node in the every-kind fixture; `npm run generate` writes the rest. This test adds a
// kind the compiler has never seen (ensure-folder, in test/fixtures/new-kind/) to a copy of the
// repository, builds and regenerates the copy, runs the suites that hold every kind to the
// conventions there, and runs the scripts the copy emits in PowerShell and in Wine's cmd.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { dump } from "js-yaml";
import { fixturePlaybook } from "../support/fixture-playbook.js";
import { PsMachine } from "../support/simulated-windows-ps.js";
import { pwshTest } from "../ps/pwsh-gate.js";
import { checkedResult, onMachine } from "../ps/scenarios/scenario.js";
import { wineTest } from "../cmd/wine-gate.js";
import { recap, resultLines, withSim } from "../cmd/scenario.js";
import { tempDir } from "../support/temp-dir.js";

const KIT = "test/fixtures/new-kind";
const ID = "kb100090";
const FOLDER = "C:\\Windows\\Temp\\kbfix-new";
/** What a copy of the repository needs to build and test (the rest is output). */
const SOURCES = ["src", "templates", "test", "docs", "playbooks", "README.md", "package.json"];

/** The files at `at` (a file, or a folder walked), relative to `dir`, without build output. */
function filesUnder(dir: string, at: string): string[] {
  if (!statSync(at).isDirectory()) return [relative(dir, at)];
  return readdirSync(at)
    .filter((name) => !["dist", "node_modules", "out"].includes(name))
    .flatMap((name) => filesUnder(dir, join(at, name)));
}

/** Runs node on a file of the copy; a failure shows its output. */
function node(copy: string, args: string[]): string {
  const run = spawnSync(process.execPath, ["--liftoff-only", ...args], {
    cwd: copy,
    encoding: "utf8",
    timeout: 300_000,
  });
  assert.is(run.status, 0, `node ${args.join(" ")}:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

/** The one registry line, and the import it needs. */
function register(copy: string): void {
  const path = join(copy, "src/steps/index.ts");
  const text = readFileSync(path, "utf8")
    .replace(
      /^(import type \{ StepKind \})/m,
      'import { ensureFolder } from "./ensure-folder.js";\n$1',
    )
    .replace(/^(\} satisfies Record<string, StepKind>;)/m, '  "ensure-folder": ensureFolder,\n$1');
  assert.match(text, '"ensure-folder": ensureFolder,');
  writeFileSync(path, text);
}

/** Its node in the every-kind fixture, at the end (inside the per-user step, as it may be). */
function addFixtureNode(copy: string): void {
  const path = join(copy, "test/fixtures/kb100001.yaml");
  const node = `          - { id: s-users-folder, kind: ensure-folder, path: '%profile%\\AppData\\Local\\kbfix' }\n`;
  writeFileSync(path, readFileSync(path, "utf8") + node);
}

const copy = tempDir("kbfix-new-kind-");
test.after(() => rmSync(copy, { recursive: true, force: true }));
const before = new Map(SOURCES.flatMap((s) => filesUnder(".", s)).map((f) => [f, readFileSync(f)]));

/** The repository copied, with the kind's files, its registry line and its fixture node. */
function addTheKind(): void {
  for (const source of [...SOURCES, "tsconfig.json", "out"])
    cpSync(source, join(copy, source), { recursive: true });
  symlinkSync(join(process.cwd(), "node_modules"), join(copy, "node_modules"));
  cpSync(KIT, copy, { recursive: true });
  register(copy);
  addFixtureNode(copy);
}

test("the copy builds and regenerates; only the kind's files and the generated ones change", () => {
  addTheKind();
  // As `npm run generate` then `npm test`: build, write the generated files, bundle with them
  // (tsc would only copy the new validator into dist/: done here instead of a second build).
  node(copy, ["node_modules/typescript/bin/tsc", "-p", "."]);
  node(copy, ["dist/src/schema/generate.js"]);
  copyFileSync(
    join(copy, "src/generated/playbook-validator.js"),
    join(copy, "dist/src/generated/playbook-validator.js"),
  );
  node(copy, ["dist/src/build/bundle.js"]);
  const changed = SOURCES.flatMap((s) => filesUnder(copy, join(copy, s)))
    .filter((f) => !f.startsWith(`${KIT}/`))
    .filter((f) => !before.get(f)?.equals(readFileSync(join(copy, f))))
    .sort();
  assert.equal(changed, [
    "README.md",
    "playbooks/playbook.schema.json",
    "src/generated/playbook-validator.js",
    "src/steps/ensure-folder.ts",
    "src/steps/index.ts",
    "templates/cmd/runtime/steps/ensure-folder.cmd",
    "templates/ps1/runtime/steps/ensure-folder.ps1",
    "test/fixtures/kb100001.yaml",
    "test/steps/ensure-folder.test.ts",
  ]);
  assert.match(readFileSync(join(copy, "README.md"), "utf8"), "| `ensure-folder`");
  // The seed playbooks use no ensure-folder step: their scripts carry none of it.
  node(copy, ["dist/src/cli.js", "compile", "--check"]);
});

test("the suites that hold every kind to the conventions pass in the copy", () => {
  for (const suite of [
    "steps/ensure-folder",
    "schema/conventions",
    "schema/kind-fields",
    "schema/drift",
    "emit/ps-xref",
    "emit/runtime-shake",
    "cmd/cmd-runtime-section",
    "cmd/hostile-values",
    "diagnostics/every-code",
    "architecture/layers",
  ])
    node(copy, [`dist/test/${suite}.test.js`]);
});

/** The copy's compiler on a playbook with one ensure-folder step; returns the output folder. */
function compileInCopy(): string {
  const playbook = fixturePlaybook({
    id: ID,
    title: "A folder that must exist",
    summary: "Creates a folder.",
    steps: [{ id: "folder", kind: "ensure-folder", path: "%windir%\\Temp\\kbfix-new" }],
  });
  const file = join(copy, `${ID}.yaml`);
  writeFileSync(file, dump(playbook));
  const out = join(copy, "new-kind-out");
  node(copy, ["dist/src/cli.js", "compile", file, "--out", out]);
  return out;
}

let out = "";

test("the copy's compiler compiles a playbook with the kind, for both targets", () => {
  out = compileInCopy();
  assert.match(readFileSync(join(out, ID, `${ID}.ps1`), "latin1"), "Invoke-KbEnsureFolderStep");
  assert.match(readFileSync(join(out, ID, `${ID}.fix.cmd`), "latin1"), ":kb_step_ensure_folder");
});

pwshTest("PowerShell: the folder is made, a second run finds it, -WhatIf makes nothing", () =>
  onMachine(
    () => new PsMachine().file("C:\\Windows\\marker.bin", 100),
    async (machine) => {
      const script = join(out, ID, `${ID}.ps1`);
      const preview = checkedResult(machine, await machine.run(script, { WhatIf: true }), ID);
      assert.is(preview.results.find((r) => r.id === "folder")?.status, "changed");
      assert.not.ok(machine.exists(FOLDER), "-WhatIf made the folder");
      const first = checkedResult(machine, await machine.run(script), ID);
      assert.is(first.results.find((r) => r.id === "folder")?.status, "changed");
      assert.ok(machine.exists(FOLDER));
      const second = checkedResult(machine, await machine.run(script), ID);
      assert.is(second.results.find((r) => r.id === "folder")?.status, "ok");
    },
  ),
);

wineTest("batch: the folder is made, a second run finds it, check mode makes nothing", () =>
  withSim((sim) => {
    sim.write("Windows/marker.bin", 100);
    const fix = join(out, ID, `${ID}.fix.cmd`);
    const made = join(sim.windir, "Temp", "kbfix-new");
    const check = sim.run(fix, ["check"]);
    assert.not.ok(existsDir(made), `check mode made the folder: ${recap(check.stdout)}`);
    assert.match(
      resultLines(sim.logText(ID), "folder").join("\n"),
      "changed",
      "check mode reports it",
    );
    sim.run(fix);
    assert.ok(existsDir(made), sim.logText(ID));
    assert.match(resultLines(sim.logText(ID), "folder").join("\n"), "changed");
    sim.run(fix);
    assert.match(resultLines(sim.logText(ID), "folder").at(-1) ?? "", "ok");
  }),
);

function existsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

test.run();
