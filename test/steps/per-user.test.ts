import { runStepTable } from "./step-table.js";

const CACHE = "'%profile%\\AppData\\LocalLow\\Microsoft\\CryptnetUrlCache\\Content'";

runStepTable([
  {
    name: "per-user: clear the CryptnetUrlCache in each profile",
    yaml: `- id: p1\n  kind: per-user\n  steps:\n    - id: p1-content\n      kind: clear-folder\n      path: ${CACHE}`,
    expect: [],
  },
  {
    name: "per-user: a service step cannot run per user",
    yaml: "- id: p1\n  kind: per-user\n  steps:\n    - id: p1-svc\n      kind: service\n      name: CryptSvc\n      state: running",
    expect: [["not-per-user", 4, 13]],
  },
  {
    name: "per-user: nested per-user",
    yaml: `- id: p1\n  kind: per-user\n  steps:\n    - id: p2\n      kind: per-user\n      steps:\n        - id: p3\n          kind: clear-folder\n          path: ${CACHE}`,
    expect: [["nested-per-user", 3, 7]],
  },
  {
    name: "per-user: duplicate inner id",
    yaml: `- id: p1\n  kind: per-user\n  steps:\n    - id: p1\n      kind: clear-folder\n      path: ${CACHE}`,
    expect: [["duplicate-id", 3, 7]],
  },
  {
    name: "per-user: a rename inside is guarded by the outer guard",
    yaml: "- id: p1\n  kind: per-user\n  guard: { evidence: detection }\n  steps:\n    - id: p1-r\n      kind: rename\n      path: '%profile%\\x'\n      newName: y",
    expect: [],
  },
]);
