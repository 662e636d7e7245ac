import { runStepTable } from "./step-table.js";

const step = (type: string, data: string) =>
  `- id: g1\n  kind: registry-value\n  key: 'HKLM\\Software\\Microsoft\\Non-Driver Signing'\n  name: Policy\n  type: ${type}\n  data: ${data}`;

runStepTable([
  { name: "registry-value: REG_BINARY 00", yaml: step("binary", "'00'"), expect: [] },
  {
    name: "registry-value: DWORD at the unsigned maximum",
    yaml: step("dword", "4294967295"),
    expect: [],
  },
  {
    name: "registry-value: DWORD above the maximum",
    yaml: step("dword", "4294967296"),
    expect: [["registry-data", 5, 9]],
  },
  {
    name: "registry-value: negative DWORD",
    yaml: step("dword", "-1"),
    expect: [["registry-data", 5, 9]],
  },
  {
    name: "registry-value: odd hex digits",
    yaml: step("binary", "'0'"),
    expect: [["registry-data", 5, 9]],
  },
  {
    name: "registry-value: bytes in groups, split by spaces or commas",
    yaml: step("binary", "'0a ff,01 0203'"),
    expect: [],
  },
  {
    name: "registry-value: half bytes apart are not one byte",
    yaml: step("binary", "'a b'"),
    expect: [["registry-data", 5, 9]],
  },
  {
    name: "registry-value: qword as decimal text",
    yaml: step("qword", "'18446744073709551615'"),
    expect: [],
  },
  {
    name: "registry-value: multi-string needs a list",
    yaml: step("multi-string", "abc"),
    expect: [["registry-data", 5, 9]],
  },
  {
    name: "registry-value: HKCU is refused outside a per-user step",
    yaml: "- id: g1\n  kind: registry-value\n  key: 'HKCU\\Software\\X'\n  name: A\n  type: string\n  data: b",
    expect: [["hkcu-outside-per-user", 2, 8]],
  },
  {
    name: "registry-value: another hive is refused",
    yaml: "- id: g1\n  kind: registry-value\n  key: 'HKU\\S-1-5-18\\Software\\X'\n  name: A\n  type: string\n  data: b",
    expect: [["bad-value", 2, 8]],
  },
  {
    name: "registry-value: view 32 names the 32-bit HKLM view",
    yaml: step("dword", "1") + "\n  view: 32",
    expect: [],
  },
  {
    name: "registry-value: view 64 names the 64-bit HKLM view",
    yaml: step("dword", "1") + "\n  view: 64",
    expect: [],
  },
  {
    name: "registry-value: a view other than 32 or 64",
    yaml: step("dword", "1") + "\n  view: 16",
    expect: [["bad-value", 6, 9]],
  },
  {
    name: "registry-value: a view as text",
    yaml: step("dword", "1") + "\n  view: '32'",
    expect: [["bad-value", 6, 9]],
  },
  {
    name: "registry-value: a view of an HKCU key in a per-user step",
    yaml: "- id: p1\n  kind: per-user\n  steps:\n    - id: r1\n      kind: registry-value\n      key: HKCU\\Software\\X\n      name: V\n      type: dword\n      data: 1\n      view: 64",
    expect: [["registry-view-not-hklm", 9, 13]],
  },
  {
    name: "registry-value: WOW6432Node written by hand is a warning",
    yaml: "- id: g1\n  kind: registry-value\n  key: 'HKLM\\SOFTWARE\\WOW6432Node\\Vendor'\n  name: A\n  type: string\n  data: b",
    expect: [["registry-wow6432node", 2, 8]],
  },
  {
    name: "registry-value: unknown type",
    yaml: step("reg_binary", "'00'"),
    expect: [["bad-value", 4, 9]],
  },
]);
