// Conventions that keep the language complete: every kind is registered,
// documented in the schema, tested, and has its templates and runtime.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync } from "node:fs";
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

for (const [name, kind] of Object.entries(stepKinds)) {
  test(`step kind ${name}: registered under its own name, tested, templated, with a runtime`, () => {
    assert.is(kind.kind, name);
    assert.ok(existsSync(`test/steps/${name}.test.ts`), `test/steps/${name}.test.ts is missing`);
    assert.ok(
      existsSync(`templates/ps1/steps/${name}.hbs`),
      `templates/ps1/steps/${name}.hbs is missing`,
    );
    assert.ok(
      existsSync(`templates/ps1/runtime/steps/${name}.ps1`),
      `templates/ps1/runtime/steps/${name}.ps1 is missing`,
    );
    assert.ok(kind.description.length > 20, "describe what the step does");
  });
}

for (const [name, kind] of Object.entries(evidenceKinds)) {
  test(`evidence kind ${name}: registered under its own name, tested, templated, with a runtime`, () => {
    assert.is(kind.kind, name);
    assert.ok(
      existsSync(`test/evidence/${name}.test.ts`),
      `test/evidence/${name}.test.ts is missing`,
    );
    assert.ok(
      existsSync(`templates/ps1/probes/${name}.hbs`),
      `templates/ps1/probes/${name}.hbs is missing`,
    );
    assert.ok(
      existsSync(`templates/ps1/runtime/probes/${name}.ps1`),
      `templates/ps1/runtime/probes/${name}.ps1 is missing`,
    );
  });
}

test.run();
