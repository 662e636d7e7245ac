// `npm run generate`: writes the committed schema and the precompiled validator.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildPlaybookSchema } from "./playbook-schema.js";
import { standaloneValidatorSource } from "./ajv-options.js";
import { GENERATED_FILES } from "./generated-files.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const schema = buildPlaybookSchema();
writeFileSync(root + GENERATED_FILES.schema, JSON.stringify(schema, null, 2) + "\n");
writeFileSync(root + GENERATED_FILES.validator, standaloneValidatorSource(schema));
console.log(`wrote ${GENERATED_FILES.schema} and ${GENERATED_FILES.validator}`);
