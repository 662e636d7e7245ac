// The committed schema, the precompiled validator and the README's tables of kinds must be
// exactly what the code produces; run `npm run generate` when this fails.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { buildPlaybookSchema } from "../../src/schema/playbook-schema.js";
import { standaloneValidatorSource } from "../../src/schema/ajv-options.js";
import { GENERATED_FILES } from "../../src/schema/generated-files.js";
import { KIND_TABLES, markdownTable, withKindTables } from "../../src/schema/kind-tables.js";

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

test("the README's tables of kinds match the step and evidence registries", () => {
  const readme = readFileSync("README.md", "utf8");
  assert.ok(readme === withKindTables(readme), "README kind tables drifted: run npm run generate");
});

test("a kind's row reads its module: what it covers, its idempotence, its batch support", () => {
  const steps = markdownTable(KIND_TABLES.steps.rows());
  assert.match(
    steps,
    /\| `registry-value` \(typed; [^|]*\| state \(re-read after writing\) *\| yes \(view: NT 6\.1\+\) *\|/,
  );
  assert.match(steps, /\| `certificate` [^|]*\| state *\| no: reported as manual *\|/);
  const evidence = markdownTable(KIND_TABLES.evidence.rows());
  assert.match(evidence, /\| `event` [^|]*\| yes *\| yes *\|/);
});

test("a | in a cell is escaped, so it cannot end the cell", () => {
  assert.is(
    markdownTable([
      ["a", "b"],
      ["x | y", "z"],
    ]),
    "| a      | b   |\n| ------ | --- |\n| x \\| y | z   |",
  );
});

test.run();
