// The committed schema and the precompiled validator must be exactly what the
// code produces; run `npm run generate` when this fails.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { buildPlaybookSchema } from "../../src/schema/playbook-schema.js";
import { standaloneValidatorSource } from "../../src/schema/ajv-options.js";
import { GENERATED_FILES } from "../../src/schema/generated-files.js";

test("playbooks/playbook.schema.json matches the step and evidence registries", () => {
  const committed = JSON.parse(readFileSync(GENERATED_FILES.schema, "utf8"));
  assert.equal(committed, buildPlaybookSchema(), "schema drifted: run npm run generate");
});

test("the standalone validator matches the schema", () => {
  const committed = readFileSync(GENERATED_FILES.validator, "utf8");
  assert.ok(
    committed === standaloneValidatorSource(buildPlaybookSchema()),
    "validator drifted: run npm run generate",
  );
});

test.run();
