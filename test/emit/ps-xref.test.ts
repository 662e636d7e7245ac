// Cross-references inside each emitted .ps1, read with the independent parser
// (tree-sitter-powershell), not with regular expressions over the emitter's own text:
// (a) every Verb-Kb* command the script invokes is defined in it, exactly once;
// (b) no dead code: every function a script carries is reachable from its top level (a
//     check of the tree-shaker by another parser), and every runtime function is reachable
//     in some compiled script;
// (c) nothing that turns data into code, reboots, or is PowerShell 7 only;
// (d) every $script:Kb* variable the script reads is assigned somewhere in it.
// Nobody can run these scripts here, so this is what stands between a renamed function
// or a variable defined only in the other script and a failure on thousands of machines.
import { appDetectScript } from "../../src/deploy/detect-variants.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { analyzePlaybook } from "../../src/pipeline.js";
import { compilePlan } from "../../src/pipeline.js";
import { parsePowerShell } from "../support/powershell-parser.js";
import { ENTRY_CUTS } from "../../src/emit/ps1/tree-shake.js";
import { absentFeatures } from "../../src/emit/ps1/feature-cuts.js";
import type { Plan } from "../../src/plan/plan.js";
import { withEveryFeature } from "../support/feature-variants.js";
import { RUNTIME_SOURCES } from "../support/runtime-sources.js";

const RUNTIME_DIR = "templates/ps1/runtime";
const KB_COMMAND = /^[A-Z][A-Za-z]+-Kb[A-Za-z0-9]+$/;

interface TsNode {
  type: string;
  text: string;
  childCount: number;
  children: TsNode[];
  parent: TsNode | null;
  startIndex: number;
  endIndex: number;
  descendantsOfType(types: string | string[]): TsNode[];
}

interface Script {
  path: string;
  text: string;
  /** The text with comments and string literals blanked out (same length). */
  code: string;
  /** Function name -> how many times it is defined. */
  definitions: Map<string, number>;
  /** Function name -> the Kb commands its body invokes. */
  calls: Map<string, Set<string>>;
  /** Kb commands invoked outside every function (the script's top level, traps included). */
  topLevel: Set<string>;
  /** Every Kb command invoked anywhere. */
  invoked: Set<string>;
  /** $script:Kb* names (lower case) read, and assigned with '='. */
  scriptReads: Set<string>;
  scriptAssigned: Set<string>;
  parseErrors: string[];
}

function enclosingFunction(node: TsNode): TsNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === "function_statement") return n;
  return undefined;
}

function functionName(fn: TsNode): string {
  return fn.children.find((c) => c.type === "function_name")!.text;
}

/** True when the variable node is the whole left side of `<variable> = ...`. */
function isPlainAssignmentTarget(variable: TsNode): boolean {
  let n: TsNode = variable;
  while (n.parent && n.parent.type !== "left_assignment_expression") {
    if (n.parent.childCount !== 1) return false;
    n = n.parent;
  }
  const assignment = n.parent?.parent;
  if (!assignment || assignment.type !== "assignment_expression") return false;
  return assignment.children.some((c) => c.type === "assignement_operator" && c.text === "=");
}

async function analyze(path: string, text: string): Promise<Script> {
  const { errors, tree } = await parsePowerShell(text);
  const root = (tree as { rootNode: TsNode }).rootNode;
  const blank = text.split("");
  const blankOut = (n: TsNode) => {
    for (let i = n.startIndex; i < n.endIndex; i++) if (blank[i] !== "\n") blank[i] = " ";
  };
  root.descendantsOfType("comment").forEach(blankOut);
  root
    .descendantsOfType([
      "verbatim_string_characters",
      "expandable_string_literal",
      "verbatim_here_string_characters",
      "expandable_here_string_literal",
    ])
    .forEach(blankOut);

  const definitions = new Map<string, number>();
  const calls = new Map<string, Set<string>>();
  for (const fn of root.descendantsOfType("function_statement")) {
    const name = functionName(fn);
    definitions.set(name, (definitions.get(name) ?? 0) + 1);
    if (!calls.has(name)) calls.set(name, new Set());
  }
  const topLevel = new Set<string>();
  const invoked = new Set<string>();
  for (const node of root.descendantsOfType("command_name")) {
    if (!KB_COMMAND.test(node.text)) continue;
    invoked.add(node.text);
    const fn = enclosingFunction(node);
    if (fn) calls.get(functionName(fn))!.add(node.text);
    else topLevel.add(node.text);
  }

  // A function passed by reference (${function:Get-KbXState}, to the step lifecycle) is called
  // by whoever receives it: count the reference as a call from the function that passes it.
  for (const fn of root.descendantsOfType("function_statement"))
    for (const m of fn.text.matchAll(/\$\{function:([A-Za-z]+-Kb\w+)\}/g)) {
      invoked.add(m[1]!);
      calls.get(functionName(fn))!.add(m[1]!);
    }

  // Data-named functions (docs/runtime.md): the data names a function by a string its dispatcher
  // calls, an Applies hashtable's checks (Checks = @('Get-KbXMismatch')) by Test-KbApplicable, a
  // certificate probe's condition (-Check 'Test-KbCertificateX', or Check = in a splat) by
  // Test-KbCertificateProbe, a path base (Resolver = 'Get-KbXBase') by Get-KbPathBase.
  const dataNamed: [RegExp, string][] = [
    [/\bChecks = @\(([^)]*)\)/g, "Test-KbApplicable"],
    [/(?: -Check |\bCheck = )('[^']*')/g, "Test-KbCertificateProbe"],
    [/\bResolver = ('[^']*')/g, "Get-KbPathBase"],
  ];
  for (const [pattern, dispatcher] of dataNamed)
    for (const m of text.matchAll(pattern))
      for (const name of m[1]!.matchAll(/'([A-Za-z]+-Kb\w+)'/g)) {
        invoked.add(name[1]!);
        calls.get(dispatcher)?.add(name[1]!);
      }

  const scriptReads = new Set<string>();
  const scriptAssigned = new Set<string>();
  for (const node of root.descendantsOfType("variable")) {
    const m = /^\$\{?script:(Kb\w+)\}?$/i.exec(node.text);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    if (isPlainAssignmentTarget(node)) scriptAssigned.add(name);
    else scriptReads.add(name);
  }

  (tree as { delete(): void }).delete();
  return {
    path,
    text,
    code: blank.join(""),
    definitions,
    calls,
    topLevel,
    invoked,
    scriptReads,
    scriptAssigned,
    parseErrors: errors.map((e) => `${e.line}:${e.column} ${e.text}`),
  };
}

function reachable(script: Script): Set<string> {
  const seen = new Set<string>();
  const todo = [...script.topLevel];
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    todo.push(...(script.calls.get(name) ?? []));
  }
  return seen;
}

/** Runtime file (e.g. 'registry', 'steps/rename') -> the functions it defines. */
function runtimeFunctions(): Map<string, string[]> {
  const files = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ps1")) {
        const key = relative(RUNTIME_DIR, path)
          .replace(/\\/g, "/")
          .replace(/\.ps1$/, "");
        const text = readFileSync(path, "utf8");
        files.set(
          key,
          [...text.matchAll(/^function\s+([A-Za-z]+-Kb\w+)/gm)].map((m) => m[1]!),
        );
      }
    }
  };
  walk(RUNTIME_DIR);
  return files;
}

/** The playbook each script was compiled from: its feature cuts (src/emit/ps1/feature-cuts.ts). */
const planOf = new Map<Script, Plan>();

async function scriptsOf(plan: Plan): Promise<Script[]> {
  const files = compilePlan(plan).filter((f) => /^[^/]+\/[^/]+\.ps1$/.test(f.path));
  const out: Script[] = [];
  // Built even where it is over its route's limit and not written (the fixture).
  for (const file of [...files, appDetectScript(plan)]) {
    const s = await analyze(file.path, file.bytes.toString("latin1"));
    planOf.set(s, plan);
    out.push(s);
  }
  return out;
}

const scripts: Script[] = [];
let fixturePlan: Plan | undefined;
for (const source of RUNTIME_SOURCES) {
  const analysis = analyzePlaybook(source);
  if (!analysis.plan)
    throw new Error(`${source} does not compile: ${JSON.stringify(analysis.diagnostics)}`);
  scripts.push(...(await scriptsOf(analysis.plan)));
  fixturePlan = analysis.plan;
}
/**
 * No committed playbook has a required parameter, an HKCU value, a registry view or a
 * not-disabled service, so every script leaves their code out (feature cuts): the fixture with
 * all of them shows that code is reachable.
 */
const variantScripts = await scriptsOf(
  withEveryFeature({
    ...fixturePlan!,
    parameters: fixturePlan!.parameters.map((p, i) => (i === 0 ? { ...p, required: true } : p)),
  }),
);
const RUNTIME = runtimeFunctions();
const fileOf = new Map<string, string>();
for (const [file, names] of RUNTIME) for (const name of names) fileOf.set(name, file);

test("every playbook and the fixture compile to a remediation and two detection scripts", () => {
  assert.is(scripts.length, RUNTIME_SOURCES.length * 3);
  for (const s of scripts) assert.equal(s.parseErrors, [], s.path);
});

test("every runtime function is defined once in the runtime", () => {
  const seen = new Map<string, string>();
  for (const [file, names] of RUNTIME)
    for (const name of names) {
      assert.not.ok(seen.has(name), `${name} is defined in ${seen.get(name)} and in ${file}`);
      seen.set(name, file);
    }
});

/**
 * The calls an entry cut makes dead in a script (src/emit/ps1/tree-shake.ts), checked here with
 * the parser: the script starts from that entry and does not define the function that would make
 * the calls live.
 */
function deadByEntryCut(s: Script): Set<string> {
  // A feature cut: the playbook lacks the feature, so its data makes the calls dead.
  const dead = new Set<string>(absentFeatures(planOf.get(s)!).flatMap((c) => c.cut));
  for (const { entry, cut, unless } of ENTRY_CUTS) {
    if (!s.topLevel.has(entry)) continue;
    assert.not.ok(s.definitions.has(unless), `${s.path}: starts from ${entry} but has ${unless}`);
    cut.forEach((name) => dead.add(name));
  }
  return dead;
}

test("(a) every Verb-Kb* command a script invokes is defined in it exactly once", () => {
  let cutSeen = 0;
  for (const s of scripts) {
    const dead = deadByEntryCut(s);
    for (const name of s.invoked) {
      if (dead.has(name) && !s.definitions.has(name)) {
        cutSeen += 1;
        continue;
      }
      assert.is(
        s.definitions.get(name) ?? 0,
        1,
        `${s.path}: ${name} is invoked but defined ${s.definitions.get(name) ?? 0} times`,
      );
    }
    for (const [name, count] of s.definitions)
      assert.is(count, 1, `${s.path}: function ${name} is defined ${count} times`);
  }
  assert.ok(cutSeen > 0, "no application detection script leaves out a cut call: stale cut?");
});

test("(b) no dead runtime code", () => {
  const reachableSomewhere = new Set<string>();
  for (const s of [...scripts, ...variantScripts]) {
    const live = reachable(s);
    live.forEach((n) => reachableSomewhere.add(n));
    // The runtime is tree-shaken: every function a script carries must be reachable in it.
    for (const name of s.definitions.keys())
      assert.ok(
        live.has(name),
        `${s.path}: ${name} (${fileOf.has(name) ? `runtime ${fileOf.get(name)}.ps1` : "body"}) is never called`,
      );
  }
  // A shared function unused by one script must be used by another; unused by all is dead.
  for (const [file, names] of RUNTIME)
    for (const name of names)
      assert.ok(
        reachableSomewhere.has(name),
        `${name} (runtime ${file}.ps1) is not reachable in any compiled script: dead code`,
      );
});

const FORBIDDEN: [RegExp, string][] = [
  [/\bInvoke-Expression\b/i, "Invoke-Expression"],
  [/(?<![\w-])iex(?![\w-])/i, "iex"],
  [/\[scriptblock\]\s*::\s*Create\b/i, "[scriptblock]::Create"],
  [/\bAdd-Type\b/i, "Add-Type"],
  [/(?<![\w-])-Command\b/i, "-Command"],
  [/(?<![\w-])-EncodedCommand\b/i, "-EncodedCommand"],
  [/\bRestart-Computer\b/i, "Restart-Computer"],
  [/&&/, "&& (PowerShell 7 pipeline chain)"],
  [/\|\|/, "|| (PowerShell 7 pipeline chain)"],
  [/\?\?/, "?? (PowerShell 7 null-coalescing)"],
];

test("(c) no Invoke-Expression, iex, [scriptblock]::Create, Add-Type, -Command, Restart-Computer, &&, ||, ??", () => {
  for (const s of scripts)
    for (const [pattern, what] of FORBIDDEN) {
      const line = s.code.split("\n").findIndex((l) => pattern.test(l));
      assert.is(line, -1, `${s.path}:${line + 1}: ${what}`);
    }
  // Restart-Computer must not appear even in a string or a comment (docs/emitted-script-rules.md#exit-codes-no-restart).
  for (const s of scripts) assert.not.match(s.text, /Restart-Computer/i, s.path);
});

test("the forbidden-construct check sees code and ignores strings and comments", async () => {
  const s = await analyze(
    "probe.ps1",
    "# iex && Invoke-Expression\r\n$a = 'x || y ?? z'\r\niex $a\r\n",
  );
  assert.ok(FORBIDDEN.some(([p]) => p.test(s.code)));
  assert.not.ok(/Invoke-Expression|\|\||\?\?/.test(s.code));
});

test("(d) every $script:Kb* variable a script reads is assigned in that script", () => {
  for (const s of scripts)
    for (const name of s.scriptReads)
      assert.ok(
        s.scriptAssigned.has(name),
        `${s.path}: $script:${name} is read but never assigned`,
      );
});

test("(d) the variable check tells assignments from reads", async () => {
  const s = await analyze(
    "probe.ps1",
    "$script:KbA = 1\r\n$script:KbB[1] = 2\r\n$script:KbC += 1\r\n$x = $script:KbD.Count\r\n",
  );
  assert.equal([...s.scriptAssigned].sort(), ["kba"]);
  assert.equal([...s.scriptReads].sort(), ["kbb", "kbc", "kbd"]);
});

test.run();
