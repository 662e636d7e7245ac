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
  {
    name: "registry-value: read in the 32-bit view",
    yaml: "- id: r1\n  kind: registry-value\n  key: 'HKLM\\Software\\X'\n  name: A\n  type: dword\n  expected: 1\n  view: 32",
    expect: [],
  },
  {
    name: "registry-value: a view other than 32 or 64",
    yaml: "- id: r1\n  kind: registry-value\n  key: 'HKLM\\Software\\X'\n  name: A\n  type: dword\n  expected: 1\n  view: 0",
    expect: [["bad-value", 6, 9]],
  },
  {
    name: "registry-value: WOW6432Node in a probe's key is a warning",
    yaml: "- id: r1\n  kind: registry-value\n  key: 'HKLM\\Software\\Wow6432Node\\X'\n  name: A\n  type: dword\n  expected: 1",
    expect: [["registry-wow6432node", 2, 8]],
  },
]);
