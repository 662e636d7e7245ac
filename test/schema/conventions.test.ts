// Conventions that keep the language complete: every kind is registered,
// documented in the schema, tested, and has its templates and runtime.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync } from "node:fs";
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

/** Batch subroutines a template calls that the kind's batch runtime does not define. */
function missingLabels(template: string, runtime: string): string[] {
  const called = [...readFileSync(template, "utf8").matchAll(/call :(kb_[a-z_]+)/g)].map(
    (m) => m[1]!,
  );
  const defined = new Set(
    [...readFileSync(runtime, "utf8").matchAll(/^:(kb_[a-z_]+)/gm)].map((m) => m[1]!),
  );
  return called.filter(
    (l) =>
      !defined.has(l) &&
      !/^kb_(step|probe)_(failed|ok|skip|not_applicable|unsupported|token)/.test(l),
  );
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
    const template = `templates/cmd/${folder}/${name}.hbs`;
    const runtime = `templates/cmd/runtime/${folder}/${name}.hbs`;
    if (!existsSync(template)) missing.push(`cmd: ${template}`);
    if (!existsSync(runtime)) missing.push(`cmd: ${runtime}`);
    if (existsSync(template) && existsSync(runtime))
      for (const label of missingLabels(template, runtime))
        missing.push(`cmd: :${label} in ${runtime}`);
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
    "templates/cmd/steps/teleport.hbs",
  ])
    assert.ok(
      missing.some((m) => m.includes(piece)),
      `${piece} not named in ${missing.join("; ")}`,
    );
});

test.run();
