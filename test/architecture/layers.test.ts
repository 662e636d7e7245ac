// The folder layout is the pipeline: every import in src/ (type-only ones too)
// goes to a lower stage or stays in its folder, and no module reaches itself
// through its imports.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** Stages, lowest first; a folder may import only from folders of a lower rank (or its own). */
// version.ts reads package.json, found by package-root.ts, so it sits just above the leaves.
const RANKS: Record<string, number> = {
  model: 0,
  "diagnostic-codes": 0,
  diagnostic: 0.2,
  version: 0.5,
  "package-root": 0,
  generated: 0,
  steps: 1,
  evidence: 2,
  schema: 3,
  front: 4,
  plan: 5,
  check: 6,
  emit: 7,
  output: 8,
  report: 8,
  deploy: 8.5,
  sign: 8.7,
  pipeline: 9,
  commands: 10,
  cli: 11,
  build: 11,
};

const ROOT = resolve("src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function stageOf(file: string): string {
  const rel = relative(ROOT, file);
  return rel.includes("/") ? rel.split("/")[0]! : rel.replace(/\.ts$/, "");
}

const IMPORT = /^(?:import|export)\b[^;]*?\bfrom\s+"(\.{1,2}\/[^"]+)"/gms;

function importsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(IMPORT)].map((m) =>
    resolve(dirname(file), m[1]!.replace(/\.js$/, ".ts")),
  );
}

const graph = new Map(sources(ROOT).map((f) => [f, importsOf(f)]));

test("every folder of src/ has a stage", () => {
  const unknown = [...new Set([...graph.keys()].map(stageOf))].filter((s) => !(s in RANKS));
  assert.equal(unknown, [], "give each new folder a rank in test/architecture/layers.test.ts");
});

test("stages import only downward", () => {
  const upward: string[] = [];
  for (const [file, deps] of graph)
    for (const dep of deps) {
      const [from, to] = [stageOf(file), stageOf(dep)];
      if (from !== to && !(RANKS[to]! < RANKS[from]!))
        upward.push(`${relative(ROOT, file)} imports ${relative(ROOT, dep)} (${from} -> ${to})`);
    }
  assert.equal(upward, []);
});

test("no import cycles, type-only imports included", () => {
  const cycles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const dep of graph.get(file) ?? []) {
      if (state.get(dep) === "open")
        cycles.push(
          stack
            .slice(stack.indexOf(dep))
            .map((f) => relative(ROOT, f))
            .join(" -> "),
        );
      else if (!state.has(dep)) visit(dep);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  assert.equal(cycles, []);
});

test.run();
