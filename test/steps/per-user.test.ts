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
    name: "per-user: an HKCU value in every profile's hive",
    yaml: "- id: p1\n  kind: per-user\n  steps:\n    - id: p1-proxy\n      kind: registry-value\n      key: HKCU\\Software\\X\n      name: ProxyEnable\n      type: dword\n      data: 0",
    expect: [],
  },
  {
    name: "per-user: an HKLM value is one for the machine, not per user",
    yaml: "- id: p1\n  kind: per-user\n  steps:\n    - id: p1-m\n      kind: registry-value\n      key: HKLM\\Software\\X\n      name: V\n      type: dword\n      data: 0",
    expect: [["not-per-user", 5, 12]],
  },
  {
    name: "per-user: HKCU outside a per-user step",
    yaml: "- id: r1\n  kind: registry-value\n  key: HKCU\\Software\\X\n  name: V\n  type: dword\n  data: 0",
    expect: [["hkcu-outside-per-user", 2, 8]],
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
