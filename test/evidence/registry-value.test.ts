import { runProbeTable } from "./probe-table.js";

runProbeTable([
  {
    name: "registry-value: Policy must be 00",
    yaml: "- id: r1\n  kind: registry-value\n  key: 'HKLM\\Software\\Microsoft\\Non-Driver Signing'\n  name: Policy\n  type: binary\n  expected: '00'",
    expect: [],
  },
  {
    name: "registry-value: dword too large",
    yaml: "- id: r1\n  kind: registry-value\n  key: 'HKLM\\Software\\X'\n  name: A\n  type: dword\n  expected: 4294967296",
    expect: [["registry-data", 5, 13]],
  },
]);
