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
import { runtimeSection } from "../../src/emit/ps1/runtime-section.js";
import { findRuntimeSection } from "../../src/emit/runtime-marker.js";
import { TOOL_VERSION } from "../../src/version.js";
import {
  withRegistryView,
  withServiceDefaults,
  withUserHiveValue,
} from "../support/feature-variants.js";
import { FEATURE_CUTS, absentFeatures, type FeatureCut } from "../../src/emit/ps1/feature-cuts.js";
import { emitPs1 } from "../../src/emit/ps1/emit-ps1.js";
import { EmitError } from "../../src/emit/bytes.js";
import { analyzePlaybook } from "../../src/pipeline/analyze.js";
import type { Plan } from "../../src/plan/plan.js";
import { RUNTIME_SOURCES } from "../support/runtime-sources.js";

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

test("a script carries the code without comment lines, two spaces per level; a file heading becomes the file's name", () => {
  const shipped = runtimeSection(treeShake(units, "Get-KbA"), TOOL_VERSION).text.split("\n");
  assert.equal(shipped.slice(1, -1), [
    "# ---- sample.ps1 ----",
    "",
    "$script:KbUsed = 1",
    "$script:KbUnused = 2",
    "",
    "function Get-KbA {",
    "  return (Get-KbB) + $script:KbUsed",
    "}",
    "",
    "function Get-KbB {",
    "  return 'Get-KbD'",
    "}",
    "",
    "function Get-KbD {",
    "  return 4",
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
  assert.throws(
    () => runtimeUnits("bad", "function Get-KbA {\n      return 1\n}"),
    /four spaces per level: 'return 1'/,
  );
  assert.throws(() => runtimeUnits("bad", "function Get-KbA {\n\treturn 1\n}"), /four spaces/);
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

/** The plan a committed script was compiled from (its header names the playbook). */
function planOfScript(script: string): Plan {
  const source = /^# Source: '([^']+)'/m.exec(script)![1]!;
  return planOf(source);
}

const plans = new Map<string, Plan>();
function planOf(source: string): Plan {
  let plan = plans.get(source);
  if (!plan) {
    plan = analyzePlaybook(source).plan;
    assert.ok(plan, `${source} does not compile`);
    plans.set(source, plan);
  }
  return plan;
}

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
      treeShake(
        runtimeLibrary(),
        (before + after).replace(/\r\n/g, "\n"),
        absentFeatures(planOfScript(script)),
      ),
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

/** Every template line that names the function, other than comments and its definition. */
function callLines(files: [string, string][], name: string): [string, string][] {
  const named = new RegExp(`(?<![\\w-])${name}(?![\\w-])`);
  return files.flatMap(([path, text]) =>
    text
      .split("\n")
      .filter((line) => !/^\s*#/.test(line) && !line.startsWith(`function ${name} `))
      .filter((line) => named.test(line))
      .map((line): [string, string] => [path, line]),
  );
}

test("an entry cut leaves out only calls behind its guard, which only its `unless` can open", () => {
  const files = ps1Templates();
  for (const { entry, cut, guard, unless } of ENTRY_CUTS) {
    for (const name of cut) {
      const calls = callLines(files, name);
      for (const [path, line] of calls)
        assert.ok(
          line.trimStart().startsWith(guard + name + " "),
          `${path}: ${name} is cut from ${entry}'s script but called without the guard: ${line}`,
        );
      assert.ok(calls.length > 0, `${name}: cut but never called`);
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

test("a feature cut leaves out only calls behind its guard, each a one-line if", () => {
  const files = ps1Templates();
  for (const { feature, cut, guard } of FEATURE_CUTS) {
    assert.ok(guard.startsWith("if (") && guard.endsWith(") { "), `${feature}: ${guard}`);
    for (const name of cut) {
      const calls = callLines(files, name);
      for (const [path, line] of calls) {
        const code = line.trim();
        assert.ok(
          code.startsWith(guard) && code.endsWith(" }") && !code.includes("else"),
          `${path}: ${name} is cut without ${feature} but called outside '${guard}...}': ${line}`,
        );
        assert.ok(code.indexOf(name) > guard.length - 1, `${path}: ${name} before the guard`);
      }
      assert.ok(calls.length > 0, `${name}: cut but never called`);
    }
  }
});

/** The same plan with the feature switched off (the data a playbook without it has). */
const WITHOUT: Record<string, (plan: Plan) => Plan> = {
  "a method that stops services while its steps run": (plan) => ({
    ...plan,
    methods: plan.methods.map((m) => ({ ...m, services: [] })),
  }),
  "a method that starts services at its end": (plan) => ({
    ...plan,
    methods: plan.methods.map((m) => ({ ...m, startAtEnd: [] })),
  }),
  "strategy escalate (the ladder across runs)": (plan) => ({ ...plan, strategy: "all" }),
  "a required playbook parameter": (plan) => ({
    ...plan,
    parameters: plan.parameters.map((p) => ({ ...p, required: false })),
  }),
  "a clear-folder step with backup": (plan) => withoutBackup(plan, "clear-folder"),
  "a delete-files step with backup": (plan) => withoutBackup(plan, "delete-files"),
  "a step with verify (a probe run after it changed something)": (plan) => withoutVerify(plan),
  "a registry-value step under HKCU (every profile's hive)": (plan) => ({
    ...plan,
    methods: plan.methods.map((m) => ({ ...m, steps: m.steps.filter((s) => !isUserHiveStep(s)) })),
  }),
  "a registry value in a named 32- or 64-bit view": (plan) =>
    mapEverySteps(plan, (s) => {
      const { view: _view, ...rest } = s;
      return rest;
    }),
  "a service step with startType not-disabled": (plan) =>
    mapEverySteps(plan, (s) =>
      s.kind === "service" && s.startType === "not-disabled"
        ? { ...s, startType: "automatic", defaults: [] }
        : s,
    ),
};

function mapEverySteps(plan: Plan, change: (step: any) => any): Plan {
  const visit = (step: any): any =>
    step.kind === "per-user" ? { ...step, steps: step.steps.map(visit) } : change(step);
  return { ...plan, methods: plan.methods.map((m) => ({ ...m, steps: m.steps.map(visit) })) };
}

const isUserHiveStep = (step: any): boolean =>
  step.kind === "per-user" && step.steps.some((s: any) => s.kind === "registry-value");

function withoutVerify(plan: Plan): Plan {
  const off = (step: any): any => {
    const { verify: _verify, ...rest } = step;
    return step.kind === "per-user" ? { ...rest, steps: step.steps.map(off) } : rest;
  };
  return { ...plan, methods: plan.methods.map((m) => ({ ...m, steps: m.steps.map(off) })) };
}

function withoutBackup(plan: Plan, kind: string): Plan {
  const off = (step: any): any =>
    step.kind === "per-user"
      ? { ...step, steps: step.steps.map(off) }
      : step.kind === kind
        ? { ...step, backup: false }
        : step;
  return { ...plan, methods: plan.methods.map((m) => ({ ...m, steps: m.steps.map(off) })) };
}

/** The same plan with the feature switched on, where no committed playbook has it. */
const WITH: Record<string, (plan: Plan) => Plan> = {
  "a registry-value step under HKCU (every profile's hive)": withUserHiveValue,
  "a registry value in a named 32- or 64-bit view": withRegistryView,
  "a service step with startType not-disabled": withServiceDefaults,
  "a required playbook parameter": (plan) => ({
    ...plan,
    parameters: plan.parameters.map((p, i) => (i === 0 ? { ...p, required: true } : p)),
  }),
};

function remediationFunctions(plan: Plan): string[] {
  const files = emitPs1(plan);
  const text = files.find((f) => f.path.endsWith(`/${plan.id}.ps1`))!.bytes.toString("latin1");
  return [...text.matchAll(/^function ([\w-]+) \{/gm)].map((m) => m[1]!);
}

test("a playbook with a feature keeps its cut functions; the same playbook without it drops them", () => {
  assert.equal(Object.keys(WITHOUT).sort(), FEATURE_CUTS.map((c) => c.feature).sort());
  for (const cut of FEATURE_CUTS) {
    const withIt = RUNTIME_SOURCES.map(planOf)
      .map((p) => WITH[cut.feature]?.(p) ?? p)
      .find((p) => cut.has(p));
    assert.ok(withIt, `${cut.feature}: no playbook has it`);
    const kept = remediationFunctions(withIt);
    for (const name of cut.cut) assert.ok(kept.includes(name), `${withIt.id} keeps ${name}`);
    const without = WITHOUT[cut.feature]!(withIt);
    assert.not.ok(cut.has(without), `${cut.feature}: still there`);
    const dropped = remediationFunctions(without);
    for (const name of cut.cut)
      assert.not.ok(dropped.includes(name), `${withIt.id} without ${cut.feature} keeps ${name}`);
    assert.ok(dropped.length < kept.length, `${cut.feature}: nothing left out`);
  }
});

test("a function two cuts name stays while either cut's feature is there", () => {
  const plan = planOf(RUNTIME_SOURCES[0]!);
  const cut = (feature: string, has: boolean, names: string[]): FeatureCut => ({
    feature,
    has: () => has,
    cut: names,
    guard: "if ($x) { ",
  });
  const absent = absentFeatures(plan, [
    cut("a kind's feature, absent", false, ["Get-KbShared", "Get-KbOnlyA"]),
    cut("another kind's feature, present", true, ["Get-KbShared"]),
    cut("a third, absent, all its functions needed", false, ["Get-KbShared"]),
  ]);
  assert.equal(
    absent.map((c) => [c.feature, c.cut]),
    [["a kind's feature, absent", ["Get-KbOnlyA"]]],
  );
});

test("a call of a cut function outside its guard is a compile error, not a silent drop", () => {
  const cut: FeatureCut = {
    feature: "an example feature",
    has: () => false,
    cut: ["Get-KbC"],
    guard: "if ($Example) { ",
  };
  const library = (call: string): RuntimeUnit[] =>
    runtimeUnits(
      "sample",
      [
        "function Get-KbA {",
        `    ${call}`,
        "}",
        "",
        "function Get-KbC {",
        "    return 3",
        "}",
      ].join("\n"),
    );
  const guarded = treeShake(library("if ($Example) { Get-KbC }"), "Get-KbA", [cut]);
  assert.equal(names(guarded), ["Get-KbA"]);
  assert.equal(names(treeShake(library("if ($Example) { Get-KbC }"), "Get-KbA")), [
    "Get-KbA",
    "Get-KbC",
  ]);
  for (const call of ["Get-KbC", "$x = Get-KbC", "if ($Example) { 1 } else { Get-KbC }"])
    assert.throws(
      () => treeShake(library(call), "Get-KbA", [cut]),
      (e: unknown) => e instanceof EmitError && /outside its guard/.test(String(e)),
      call,
    );
  assert.throws(
    () => treeShake(units, "Get-KbA\nGet-KbC", [cut]),
    (e: unknown) => e instanceof EmitError && /the script's body calls Get-KbC/.test(String(e)),
  );
});

test("one changed byte in the runtime shows as a hash mismatch", () => {
  const script = readFileSync(SCRIPTS[0]!, "latin1").replace("Write-KbLog", "Write-KbLoG");
  const found = findRuntimeSection(script)!;
  assert.is.not(found.actual, found.claimed);
});

test.run();
