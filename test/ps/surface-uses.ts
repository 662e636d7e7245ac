// Turns scanned surfaces into "uses": one per item (a command, a type, a member...), with every
// place it is used, so a list check can name the script and line of each problem.
import type { ScriptSurface } from "./surface.js";
import { runtimeLibrary } from "../../src/emit/ps1/runtime-library.js";

export interface Use {
  /** As written in the first script that uses it. */
  label: string;
  /** "path:line" of the first use in each script. */
  where: string[];
}

/** label and line of each item one script uses. */
export type Picker = (script: ScriptSurface) => Iterable<[label: string, line: number]>;

/** Uses by lower-cased label: PowerShell names are case-insensitive. */
export function collectUses(scripts: ScriptSurface[], pick: Picker): Map<string, Use> {
  const uses = new Map<string, Use>();
  for (const script of scripts) {
    for (const [label, line] of pick(script)) {
      const key = label.toLowerCase();
      const use = uses.get(key) ?? { label, where: [] };
      const place = `${script.path}:${line}`;
      if (!use.where.some((w) => w.startsWith(`${script.path}:`))) use.where.push(place);
      uses.set(key, use);
    }
  }
  return uses;
}

/**
 * Commands the script runs that it does not define itself (cmdlets, not Verb-Kb* functions). A
 * runtime function named in a script without its definition is a call a feature cut made dead
 * (src/emit/ps1/feature-cuts.ts; test/emit/runtime-shake.test.ts checks each sits behind its
 * guard), not a command Windows must have.
 */
export function externalCommands(
  script: ScriptSurface,
): [string, ScriptSurface["commands"][string]][] {
  const own = new Set([...script.functions, ...runtimeFunctionNames()].map((f) => f.toLowerCase()));
  return Object.entries(script.commands).filter(([name]) => !own.has(name.toLowerCase()));
}

let runtimeNames: string[] | undefined;
function runtimeFunctionNames(): string[] {
  runtimeNames ??= runtimeLibrary()
    .filter((u) => u.kind === "function")
    .flatMap((u) => u.defines);
  return runtimeNames;
}

/** "Type::Member/arity" for a call, "Type::Member" for a property or field. */
export function* memberLabels(script: ScriptSurface): Generator<[string, number]> {
  for (const m of Object.values(script.staticMembers)) {
    if (m.arities.length === 0) yield [`${m.type}::${m.member}`, m.line];
    for (const arity of m.arities) yield [`${m.type}::${m.member}/${arity}`, m.line];
  }
  for (const [type, use] of Object.entries(script.newObject))
    for (const arity of use.arities) yield [`${type}::new/${arity}`, use.line];
}

/** One line per use: "label (path:line, path:line, and N more)". */
export function describe(uses: Use[]): string {
  return uses
    .map((u) => {
      const more = u.where.length > 2 ? `, and ${u.where.length - 2} more` : "";
      return `  ${u.label} (${u.where.slice(0, 2).join(", ")}${more})`;
    })
    .join("\n");
}
