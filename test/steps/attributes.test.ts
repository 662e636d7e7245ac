import { runStepTable } from "./step-table.js";

runStepTable([
  {
    name: "attributes: clear hidden and system",
    yaml: "- id: a1\n  kind: attributes\n  path: '%windir%\\System32\\catroot2'\n  clear: [hidden, system]",
    expect: [],
  },
  {
    name: "attributes: set and clear the same",
    yaml: "- id: a1\n  kind: attributes\n  path: '%windir%'\n  set: [hidden]\n  clear: [hidden]",
    expect: [["attribute-conflict", 3, 8]],
  },
  {
    name: "attributes: nothing to do",
    yaml: "- id: a1\n  kind: attributes\n  path: '%windir%'",
    expect: [["attributes-nothing-to-do", 0, 3]],
  },
  {
    name: "attributes: unknown attribute",
    yaml: "- id: a1\n  kind: attributes\n  path: '%windir%'\n  clear: [hiden]",
    expect: [["bad-value", 3, 11]],
  },
]);
