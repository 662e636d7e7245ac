// The tree-shaken runtime: how runtime files are cut, what the shaker keeps, and
// that every committed script's runtime section is exactly the templates' text
// under the hash its marker states (the one check of the runtime a reviewer needs).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runtimeUnits, type RuntimeUnit } from "../../src/emit/ps1/runtime-units.js";
import {
  RUNTIME_DIR,
  runtimeFileOrder,
  runtimeLibrary,
} from "../../src/emit/ps1/runtime-library.js";
import { ENTRY_CUTS, treeShake } from "../../src/emit/ps1/tree-shake.js";
import { findRuntimeSection, runtimeSection } from "../../src/emit/ps1/runtime-section.js";
import { TOOL_VERSION } from "../../src/version.js";

const SAMPLE = [
  "# ---- sample.ps1: a heading ----",
  "",
  "$script:KbUsed = 1",
  "# the next block is never read",
  "$script:KbUnused = 2",
  "",
  "function Get-KbA {",
  "    # Get-KbC is only named in this comment",
  "    return (Get-KbB) + $script:KbUsed",
  "}",
  "",
  "# ---- a section title ----",
  "",
  "function Get-KbB {",
  "    return 'Get-KbD'",
  "}",
  "",
  "function Get-KbC {",
  "    return 3",
  "}",
  "",
  "function Get-KbD {",
  "    return 4",
  "}",
].join("\n");

const SCRIPTS = readdirSync("out").flatMap((id) =>
  readdirSync(join("out", id))
    .filter((n) => n.endsWith(".ps1"))
    .map((n) => join("out", id, n)),
);

const units = runtimeUnits("sample", SAMPLE);
const names = (kept: RuntimeUnit[]): string[] => kept.flatMap((u) => u.defines);

test("a runtime file is cut into its heading, variable blocks, section comments and functions", () => {
  assert.equal(
    units.map((u) => u.kind),
    ["heading", "variables", "function", "comment", "function", "function", "function"],
  );
  assert.equal(units[1]!.defines, ["KbUsed", "KbUnused"]);
  assert.equal(units[2]!.defines, ["Get-KbA"]);
});

test("the shaker keeps what the body reaches, through calls, strings and variables, not comments", () => {
  const kept = treeShake(units, "Get-KbA");
  assert.equal(names(kept), ["KbUsed", "KbUnused", "Get-KbA", "Get-KbB", "Get-KbD"]);
  assert.ok(
    kept.some((u) => u.kind === "heading"),
    "the file heading comes with its functions",
  );
  assert.ok(
    kept.some((u) => u.kind === "comment"),
    "a section title comes with the function below",
  );
  assert.equal(treeShake(units, "# Get-KbA in a comment only\n"), []);
});

test("a script carries the code without comment lines; a file heading becomes the file's name", () => {
  const shipped = runtimeSection(treeShake(units, "Get-KbA"), TOOL_VERSION).text.split("\n");
  assert.equal(shipped.slice(1, -1), [
    "# ---- sample.ps1 ----",
    "",
    "$script:KbUsed = 1",
    "$script:KbUnused = 2",
    "",
    "function Get-KbA {",
    "    return (Get-KbB) + $script:KbUsed",
    "}",
    "",
    "function Get-KbB {",
    "    return 'Get-KbD'",
    "}",
    "",
    "function Get-KbD {",
    "    return 4",
    "}",
  ]);
});

test("no committed script's runtime carries a comment line other than a file name", () => {
  for (const path of SCRIPTS) {
    const comments = findRuntimeSection(readFileSync(path, "latin1"))!.lines.filter((l) =>
      /^\s*#/.test(l),
    );
    for (const line of comments) assert.match(line, /^# ---- [a-z0-9/-]+\.ps1 ----$/, path);
  }
});

test("a block the cutter does not understand is an error, not a silent drop", () => {
  assert.throws(
    () => runtimeUnits("bad", "Write-Host 'top-level code'"),
    /neither a function nor variables/,
  );
  assert.throws(() => runtimeUnits("bad", "function Get-KbA {\n    return 1"), /no closing/);
});

test("every file under templates/ps1/runtime is in the library, once, and cuts cleanly", () => {
  const onDisk = (folder: string): string[] =>
    readdirSync(join(RUNTIME_DIR, folder), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? onDisk(join(folder, e.name))
        : e.name.endsWith(".ps1")
          ? [
              join(folder, e.name)
                .replace(/\\/g, "/")
                .replace(/\.ps1$/, ""),
            ]
          : [],
    );
  const order = runtimeFileOrder();
  assert.equal([...order].sort(), onDisk("").sort());
  assert.is(new Set(order).size, order.length);
  assert.ok(runtimeLibrary().length > order.length);
});

test("every committed script's runtime is the templates' text, under the hash its marker states", () => {
  assert.ok(SCRIPTS.length >= 6);
  for (const path of SCRIPTS) {
    const script = readFileSync(path, "latin1");
    const found = findRuntimeSection(script);
    assert.ok(found, `${path}: no runtime section`);
    assert.is(found.version, TOOL_VERSION, path);
    assert.is(found.actual, found.claimed, `${path}: the runtime differs from its marker's hash`);
    // Re-derive it from templates/: the same shake of the text around the section.
    const [before, rest] = script.split(/^# ==== kbfix runtime .*$/m) as [string, string];
    const after = rest.slice(rest.indexOf("# ==== end of kbfix runtime ===="));
    const fromTemplates = runtimeSection(
      treeShake(runtimeLibrary(), (before + after).replace(/\r\n/g, "\n")),
      TOOL_VERSION,
    );
    assert.ok(script.includes(`$script:KbRuntimeSha256 = '${found.claimed}'`), path);
    assert.is(found.lines.join("\n"), fromTemplates.text.split("\n").slice(1, -1).join("\n"), path);
  }
});

/** Every file under templates/ps1 (runtime and script templates), by path. */
function ps1Templates(dir = "templates/ps1"): [string, string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? ps1Templates(join(dir, e.name))
      : /\.(ps1|hbs)$/.test(e.name)
        ? [[join(dir, e.name), readFileSync(join(dir, e.name), "utf8")] as [string, string]]
        : [],
  );
}

test("an entry cut leaves out only calls behind its guard, which only its `unless` can open", () => {
  const files = ps1Templates();
  for (const { entry, cut, guard, unless } of ENTRY_CUTS) {
    for (const name of cut) {
      let calls = 0;
      for (const [path, text] of files)
        for (const line of text.split("\n")) {
          if (/^\s*#/.test(line) || line.startsWith(`function ${name} `)) continue;
          if (!new RegExp(`(?<![\\w-])${name}(?![\\w-])`).test(line)) continue;
          calls += 1;
          assert.ok(
            line.trimStart().startsWith(guard + name + " "),
            `${path}: ${name} is cut from ${entry}'s script but called without the guard: ${line}`,
          );
        }
      assert.ok(calls > 0, `${name}: cut but never called`);
    }
    // The guard's variable: set (other than to $null) only in the function the cut names.
    const variable = /\$script:Kb\w+/.exec(guard)![0];
    const setters = files.flatMap(([path, text]) =>
      text.split(/^function /m).flatMap((chunk) => {
        const fn = /^[\w-]+/.exec(chunk)?.[0] ?? path;
        const sets = chunk
          .split("\n")
          .filter((l) => l.trimStart().startsWith(`${variable} = `) && !/= \$null\s*$/.test(l));
        return sets.length > 0 ? [fn] : [];
      }),
    );
    assert.equal(setters, [unless], `${variable} is set by ${setters.join(", ")}`);
  }
});

test("one changed byte in the runtime shows as a hash mismatch", () => {
  const script = readFileSync(SCRIPTS[0]!, "latin1").replace("Write-KbLog", "Write-KbLoG");
  const found = findRuntimeSection(script)!;
  assert.is.not(found.actual, found.claimed);
});

test.run();
