// The playbooks whose compiled scripts the tests read: every committed playbook, so a new one is
// covered without a list to update, and the fixture that uses every kind once.
import { readdirSync } from "node:fs";

export const ALL_KINDS_FIXTURE = "test/fixtures/kb100001.yaml";

/** Every committed playbook, as playbooks/<id>.yaml, sorted. */
export const COMMITTED_PLAYBOOKS: readonly string[] = readdirSync("playbooks")
  .filter((name) => name.endsWith(".yaml"))
  .sort()
  .map((name) => `playbooks/${name}`);

/** The id of each committed playbook (its file name). */
export const COMMITTED_IDS: readonly string[] = COMMITTED_PLAYBOOKS.map((path) =>
  path.replace(/^playbooks\/|\.yaml$/g, ""),
);

export const RUNTIME_SOURCES: readonly string[] = [...COMMITTED_PLAYBOOKS, ALL_KINDS_FIXTURE];
