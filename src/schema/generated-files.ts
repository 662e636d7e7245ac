// Where the generated, committed artefacts live (relative to the repository).
export const GENERATED_FILES = {
  schema: "playbooks/playbook.schema.json",
  validator: "src/generated/playbook-validator.js",
} as const;
