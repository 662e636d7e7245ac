import { runProbeTable } from "./probe-table.js";

runProbeTable([
  {
    name: "certificate: NUL in a friendly name in the SMS store",
    yaml: "- id: c1\n  kind: certificate\n  store: SMS\n  condition: friendly-name-has-nul",
    expect: [],
  },
  {
    name: "certificate: missing needs a match",
    yaml: "- id: c1\n  kind: certificate\n  store: Root\n  condition: missing",
    expect: [["certificate-match", 0, 3]],
  },
  {
    name: "certificate: unknown condition",
    yaml: "- id: c1\n  kind: certificate\n  store: Root\n  condition: expired",
    expect: [["bad-value", 3, 14]],
  },
]);
