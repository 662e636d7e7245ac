import { runStepTable } from "./step-table.js";

runStepTable([
  {
    name: "service: start type and state",
    yaml: "- id: s1\n  kind: service\n  name: CryptSvc\n  startType: automatic\n  state: running",
    expect: [],
  },
  {
    name: "service: state only",
    yaml: "- id: s1\n  kind: service\n  name: wuauserv\n  state: stopped",
    expect: [],
  },
  {
    name: "service: a state step has no verify (it reads its state back itself)",
    yaml: "- id: s1\n  kind: service\n  name: CryptSvc\n  state: running\n  verify: { evidence: probe-a }",
    expect: [["unknown-key", 4, 3]],
  },
  {
    name: "service: automatic with a delayed start",
    yaml: "- id: s1\n  kind: service\n  name: wuauserv\n  startType: automatic-delayed",
    expect: [],
  },
  {
    name: "service: not-disabled for a service in the table (any case)",
    yaml: "- id: s1\n  kind: service\n  name: WuAuServ\n  startType: not-disabled",
    expect: [],
  },
  {
    name: "service: not-disabled for a service the table lacks, with a hint",
    yaml: "- id: s1\n  kind: service\n  name: Spooler\n  startType: not-disabled",
    expect: [["service-default-unknown", 3, 14]],
  },
  {
    name: "service: nothing to do",
    yaml: "- id: s1\n  kind: service\n  name: CryptSvc",
    expect: [["service-nothing-to-do", 0, 3]],
  },
  {
    name: "service: unknown start type, with a hint",
    yaml: "- id: s1\n  kind: service\n  name: CryptSvc\n  startType: automatc",
    expect: [["bad-value", 3, 14]],
  },
  {
    name: "service: wildcard name rejected",
    yaml: "- id: s1\n  kind: service\n  name: Crypt*\n  state: running",
    expect: [["bad-value", 2, 9]],
  },
  {
    name: "service: misspelt key",
    yaml: "- id: s1\n  kind: service\n  name: CryptSvc\n  stat: running",
    expect: [["unknown-key", 3, 3]],
  },
  {
    name: "service: misspelt kind",
    yaml: "- id: s1\n  kind: servise\n  name: CryptSvc",
    expect: [["unknown-step-kind", 1, 9]],
  },
  {
    name: "service: missing id",
    yaml: "- kind: service\n  name: CryptSvc\n  state: running",
    expect: [["missing-key", 0, 3]],
  },
]);
