// The playbooks whose compiled scripts the runtime tests read: every committed playbook, so a
// new one is covered without a list to update, and the fixture that uses every kind once.
import { readdirSync } from "node:fs";

export const ALL_KINDS_FIXTURE = "test/fixtures/kb100001.yaml";

export const RUNTIME_SOURCES: readonly string[] = [
  ...readdirSync("playbooks")
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => `playbooks/${name}`),
  ALL_KINDS_FIXTURE,
];
