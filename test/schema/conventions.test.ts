// Conventions that keep the language complete: every kind is registered,
// documented in the schema, tested, and has its templates and runtime.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  CMD_LIFECYCLES,
  cmdCall,
  cmdCallPieces,
  cmdSet,
  type CmdCall,
  type CmdLifecycle,
} from "../../src/model/cmd-call.js";
import { runtimeUnits } from "../../src/emit/ps1/runtime-units.js";
import { evidenceKinds } from "../../src/evidence/index.js";
import { stepKinds } from "../../src/steps/index.js";
import { buildPlaybookSchema } from "../../src/schema/playbook-schema.js";

const schema = buildPlaybookSchema() as Record<string, any>;

function undocumented(node: any, path: string, out: string[]): string[] {
  if (!node || typeof node !== "object") return out;
  if (node.properties) {
    for (const [key, value] of Object.entries<any>(node.properties)) {
      const documented =
        typeof value.description === "string" || typeof value.$ref === "string" || "const" in value;
      if (!documented) out.push(`${path}/properties/${key}`);
    }
  }
  for (const [key, value] of Object.entries(node)) undocumented(value, `${path}/${key}`, out);
  return out;
}

test("every schema property has a description (or refers to a documented definition)", () => {
  assert.equal(undocumented(schema, "#", []), []);
});

test("every $defs entry that is referred to has a title or description", () => {
  for (const [name, def] of Object.entries<any>(schema.$defs)) {
    assert.ok(
      def.description || def.title || ["version"].includes(name),
      `$defs/${name} has no description`,
    );
  }
});

test("every object in the schema is closed", () => {
  const open: string[] = [];
  const walk = (node: any, path: string) => {
    if (!node || typeof node !== "object") return;
    if (node.type === "object" && node.properties && node.additionalProperties !== false)
      open.push(path);
    for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`);
  };
  walk(schema, "#");
  assert.equal(open, []);
});

const README = readFileSync("README.md", "utf8");

/** The parameters a runtime function declares, from its param( ... ) block. */
function runtimeParameters(file: string, command: string): string[] | undefined {
  const path = `templates/ps1/runtime/${file}.ps1`;
  if (!existsSync(path)) return undefined;
  const unit = runtimeUnits(file, readFileSync(path, "utf8")).find((u) =>
    u.defines.includes(command),
  );
  if (!unit) return undefined;
  const param = /param\(([\s\S]*?)\n    \)|param\(([^\n]*)\)/.exec(unit.text);
  return [...(param?.[1] ?? param?.[2] ?? "").matchAll(/\$([A-Za-z]+)/g)].map((m) => m[1]!);
}

/** The batch runtime as blocks, one per label: its text up to the next label. */
function runtimeBlocks(): Map<string, string> {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  const text = walk("templates/cmd/runtime")
    .filter((f) => f.endsWith(".cmd"))
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
  const blocks = new Map<string, string>();
  const parts = text.split(/^:(kb_[a-z0-9_]+)[ \t]*\r?$/m);
  for (let i = 1; i < parts.length; i += 2) blocks.set(parts[i]!, parts[i + 1]!);
  return blocks;
}

const BLOCKS = runtimeBlocks();
const ORDER = [...BLOCKS.keys()];

/**
 * The labels a block leads to: those it calls, jumps to or hands to the state step lifecycle, and
 * the next one when it falls through.
 */
function nextLabels(label: string): string[] {
  const body = BLOCKS.get(label) ?? "";
  // A kind names its labels for :kb_state_step and :kb_oneshot_step in KB_ST_* and KB_OS_*
  // variables (call :%KB_ST_READ%).
  const named = [
    ...body.matchAll(/(?:call|goto) :(kb_[a-z0-9_]+)|set "KB_(?:ST|OS)_[A-Z]+=(kb_[a-z0-9_]+)"/g),
  ].map((m) => (m[1] ?? m[2])!);
  const lines = body.trim().split(/\r?\n/);
  const last = lines[lines.length - 1] ?? "";
  const fallsThrough = !/^(exit \/b|goto :)/.test(last);
  const next = ORDER[ORDER.indexOf(label) + 1];
  return fallsThrough && next ? [...named, next] : named;
}

/** The runtime text reachable from the given labels. */
function reachableText(roots: string[]): string {
  const seen = new Set<string>();
  const queue = roots.filter((l) => BLOCKS.has(l));
  while (queue.length) {
    const label = queue.pop()!;
    if (seen.has(label)) continue;
    seen.add(label);
    queue.push(...nextLabels(label).filter((l) => BLOCKS.has(l)));
  }
  return [...seen].map((l) => BLOCKS.get(l)).join("\n");
}

/** Labels the shared partials a declaration's shapes render call themselves. */
const PARTIAL_LABELS = ["path", "registry", "product", "argument"].flatMap((p) =>
  [...readFileSync(`templates/cmd/partials/${p}.hbs`, "utf8").matchAll(/call :(kb_[a-z_]+)/g)].map(
    (m) => m[1]!,
  ),
);

/** What a kind's batch declaration names that the batch runtime lacks. */
function missingBatchPieces(call: CmdCall): string[] {
  const { labels, variables } = cmdCallPieces(call);
  const missing = labels
    .filter((l) => !BLOCKS.has(l))
    .map((l) => `cmd: subroutine :${l} in templates/cmd/runtime/**`);
  const read = reachableText([...labels, ...PARTIAL_LABELS]);
  for (const v of variables) {
    const reads = new RegExp(`%${v}[%:]|!${v}[!:]|defined ${v}\\b|set /a "[^"]*\\b${v}\\b`);
    if (!reads.test(read)) missing.push(`cmd: ${v} is set, but no subroutine it calls reads it`);
  }
  return missing;
}

/**
 * A kind's batch runtime hands its step to a lifecycle subroutine exactly when its declaration
 * names that lifecycle: the script carries the subroutine only then.
 */
function lifecycleMismatch(runtime: string, call: CmdCall): string[] {
  const text = existsSync(runtime) ? readFileSync(runtime, "utf8") : "";
  return (Object.keys(CMD_LIFECYCLES) as CmdLifecycle[]).flatMap((lifecycle) => {
    const { entries } = CMD_LIFECYCLES[lifecycle];
    const label = entries.join(" or :");
    const handsOver = entries.some((entry) => new RegExp(`(?:goto|call) :${entry}\\b`).test(text));
    if (handsOver === (call.lifecycle === lifecycle)) return [];
    return handsOver
      ? [`cmd: ${runtime} goes to :${label}, but the declaration names no lifecycle "${lifecycle}"`]
      : [
          `cmd: the declaration names lifecycle "${lifecycle}", but ${runtime} never goes to :${label}`,
        ];
  });
}

/** Every missing piece of one kind, named: the list is the test's message. */
function missingPieces(
  folder: "steps" | "probes",
  name: string,
  kind: {
    kind: string;
    description: string;
    targets: { cmd: boolean };
    ps1: { command: string; args: readonly { name: string }[]; block?: { name: string } };
    perUser?: boolean;
    cmd?: CmdCall;
  },
): string[] {
  const missing: string[] = [];
  const testFolder = folder === "steps" ? "steps" : "evidence";
  if (kind.kind !== name) missing.push(`registered as ${name} but calls itself ${kind.kind}`);
  if (kind.description.length <= 20) missing.push("a description of what it does");
  if (!existsSync(`test/${testFolder}/${name}.test.ts`))
    missing.push(`test/${testFolder}/${name}.test.ts`);
  if (!README.includes(`| \`${name}\``))
    missing.push(`a row for \`${name}\` in the README's table`);
  const declared = runtimeParameters(`${folder}/${name}`, kind.ps1.command);
  if (!declared)
    missing.push(
      `ps1: function ${kind.ps1.command} in templates/ps1/runtime/${folder}/${name}.ps1`,
    );
  else {
    const passed = [
      "Id",
      ...(folder === "steps" ? ["Guard"] : []),
      ...kind.ps1.args.map((a) => a.name),
      ...(kind.ps1.block ? [kind.ps1.block.name] : []),
      ...(kind.perUser ? ["ProfileRoot", "ProfileLabel"] : []),
    ];
    for (const p of passed)
      if (!declared.includes(p)) missing.push(`ps1: parameter -${p} of ${kind.ps1.command}`);
  }
  if (kind.targets.cmd) {
    const runtime = `templates/cmd/runtime/${folder}/${name}.cmd`;
    if (!existsSync(runtime)) missing.push(`cmd: ${runtime}`);
    if (!kind.cmd) missing.push(`cmd: a batch declaration (cmd: cmdCall(...)) beside ps1`);
    else missing.push(...missingBatchPieces(kind.cmd), ...lifecycleMismatch(runtime, kind.cmd));
  }
  return missing;
}

for (const [name, kind] of Object.entries(stepKinds)) {
  test(`step kind ${name}: every piece for each target it declares`, () => {
    assert.equal(missingPieces("steps", name, kind), []);
  });
}

for (const [name, kind] of Object.entries(evidenceKinds)) {
  test(`evidence kind ${name}: every piece for each target it declares`, () => {
    assert.equal(missingPieces("probes", name, kind), []);
  });
}

test("the convention check names what is missing", () => {
  const fake = {
    kind: "teleport",
    description: "x",
    targets: { cmd: true },
    ps1: { command: "Invoke-KbTeleportStep", args: [{ name: "Where" }] },
  };
  const missing = missingPieces("steps", "teleport", fake);
  for (const piece of [
    "a description",
    "test/steps/teleport.test.ts",
    "README",
    "Invoke-KbTeleportStep",
    "templates/cmd/runtime/steps/teleport.cmd",
    "a batch declaration",
  ])
    assert.ok(
      missing.some((m) => m.includes(piece)),
      `${piece} not named in ${missing.join("; ")}`,
    );
});

test("the convention check names a batch declaration's missing subroutine and unread variable", () => {
  const fake = cmdCall(cmdSet("KB_TELEPORT_TO", "where", "text"), { call: "kb_step_teleport" });
  const missing = missingBatchPieces(fake);
  assert.ok(
    missing.some((m) => m.includes(":kb_step_teleport")),
    missing.join("; "),
  );
  assert.ok(
    missing.some((m) => m.includes("KB_TELEPORT_TO")),
    missing.join("; "),
  );
  const unread = cmdCall(cmdSet("KB_TELEPORT_TO", "where", "text"), { call: "kb_step_rename" });
  assert.equal(missingBatchPieces(unread), [
    "cmd: KB_TELEPORT_TO is set, but no subroutine it calls reads it",
  ]);
});

test("the convention check names a lifecycle the declaration and the runtime disagree on", () => {
  const rename = "templates/cmd/runtime/steps/rename.cmd";
  const plain = cmdCall({ call: "kb_step_rename" });
  assert.equal(lifecycleMismatch(rename, plain), [
    `cmd: ${rename} goes to :kb_oneshot_step, but the declaration names no lifecycle "one-shot"`,
  ]);
  const state = { ...plain, lifecycle: "state" as const };
  assert.equal(lifecycleMismatch(rename, state).length, 2);
});

test.run();
