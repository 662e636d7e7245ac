// `kbfix new <id>`: a scaffold that validates as written, with the schema line
// so editors complete it.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function scaffold(id: string): string {
  const kb = /\d{6,8}/.exec(id)?.[0] ?? "100000";
  return `# yaml-language-server: $schema=./playbook.schema.json
schemaVersion: 1
id: ${id}
title: TODO the article's title
kb: [${kb}]
source:
  url: https://support.microsoft.com/kb/${kb}
  revision: "1.0"
summary: TODO what is wrong and what the fix does.
targets: [ps1, cmd]
applies:
  context: system
detection:
  any:
    - id: service-stopped
      kind: service-state
      name: CryptSvc
      states: [stopped]
strategy: escalate
methods:
  - id: start-service
    kbMethod: 1
    title: TODO the method's title
    risk: low
    reboot: none
    steps:
      - id: service-running
        kind: service
        name: CryptSvc
        startType: automatic
        state: running
`;
}

export function newCommand(id: string, dir: string): number {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) {
    process.stderr.write(
      `kbfix: '${id}' is not a playbook id (lowercase letters, digits and dashes, e.g. kb2328240)\n`,
    );
    return 2;
  }
  const path = join(dir, `${id}.yaml`);
  if (existsSync(path)) {
    process.stderr.write(`kbfix: ${path} already exists; not overwriting it\n`);
    return 1;
  }
  writeFileSync(path, scaffold(id), { flag: "wx" });
  process.stdout.write(`created ${path}\n`);
  return 0;
}
