// `npm run generate`: writes the committed schema, the precompiled validator and the README's
// tables of kinds.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildPlaybookSchema } from "./playbook-schema.js";
import { standaloneValidatorSource } from "./ajv-options.js";
import { GENERATED_FILES } from "./generated-files.js";
import { withKindTables } from "./kind-tables.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const schema = buildPlaybookSchema();
writeFileSync(root + GENERATED_FILES.schema, JSON.stringify(schema, null, 2) + "\n");
writeFileSync(root + GENERATED_FILES.validator, standaloneValidatorSource(schema));
const readme = root + "README.md";
writeFileSync(readme, withKindTables(readFileSync(readme, "utf8")));
console.log(
  `wrote ${GENERATED_FILES.schema}, ${GENERATED_FILES.validator} and the kind tables of README.md`,
);
