import { runProbeTable } from "./probe-table.js";

runProbeTable([
  {
    name: "service-state: disabled or stopped",
    yaml: "- id: s1\n  kind: service-state\n  name: CryptSvc\n  startTypes: [disabled]\n  states: [stopped]",
    expect: [],
  },
  {
    name: "service-state: nothing to test",
    yaml: "- id: s1\n  kind: service-state\n  name: CryptSvc",
    expect: [["probe-nothing-to-test", 0, 3]],
  },
  {
    name: "service-state: duplicate probe id",
    yaml: "- id: s1\n  kind: service-state\n  name: A\n  states: [stopped]\n- id: s1\n  kind: service-state\n  name: B\n  states: [stopped]",
    expect: [["duplicate-id", 4, 3]],
  },
]);
