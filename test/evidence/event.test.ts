import { runProbeTable } from "./probe-table.js";

runProbeTable([
  {
    name: "event: CAPI2 4107 and 11 with the cab token",
    yaml: "- id: e1\n  kind: event\n  log: Application\n  provider: Microsoft-Windows-CAPI2\n  ids: [4107, 11]\n  level: error\n  dataContains: authrootstl.cab",
    expect: [],
  },
  {
    name: "event: batch can carry it",
    yaml: "- id: e1\n  kind: event\n  log: Application\n  provider: Microsoft-Windows-CAPI2\n  ids: [4107]\n  level: error",
    targets: "[ps1, cmd]",
    expect: [],
  },
  {
    name: "event: unknown level",
    yaml: "- id: e1\n  kind: event\n  log: Application\n  provider: X\n  ids: [1]\n  level: eror",
    expect: [["bad-value", 5, 10]],
  },
  {
    name: "event: message text is not a data token",
    yaml: "- id: e1\n  kind: event\n  log: Application\n  provider: X\n  ids: [1]\n  level: error\n  dataContains: 'a required certificate'",
    expect: [["bad-value", 6, 17]],
  },
  {
    name: "event: several data tokens, all in one event, on the Windows Update client log",
    yaml: "- id: e1\n  kind: event\n  log: Microsoft-Windows-WindowsUpdateClient/Operational\n  provider: Microsoft-Windows-WindowsUpdateClient\n  ids: [20, 25, 31]\n  level: error\n  dataContains: ['0x800B0109', '0x80096001']\n  dataMatch: all",
    targets: "[ps1, cmd]",
    expect: [],
  },
  {
    name: "event: a message-text token inside a list",
    yaml: "- id: e1\n  kind: event\n  log: Application\n  provider: X\n  ids: [1]\n  level: error\n  dataContains: ['0x800B0109', 'a required certificate']",
    expect: [["bad-value", 6, 32]],
  },
  {
    name: "event: an empty token list",
    yaml: "- id: e1\n  kind: event\n  log: Application\n  provider: X\n  ids: [1]\n  level: error\n  dataContains: []",
    expect: [["bad-value", 6, 17]],
  },
  {
    name: "event: a repeated token",
    yaml: "- id: e1\n  kind: event\n  log: Application\n  provider: X\n  ids: [1]\n  level: error\n  dataContains: [a.cab, a.cab]",
    expect: [["bad-value", 6, 17]],
  },
  {
    name: "event: dataMatch is any or all",
    yaml: "- id: e1\n  kind: event\n  log: Application\n  provider: X\n  ids: [1]\n  level: error\n  dataContains: [a.cab]\n  dataMatch: most",
    expect: [["bad-value", 7, 14]],
  },
  {
    name: "event: id out of range",
    yaml: "- id: e1\n  kind: event\n  log: Application\n  provider: X\n  ids: [70000]\n  level: error",
    expect: [["bad-value", 4, 9]],
  },
  {
    name: "event: misspelt kind",
    yaml: "- id: e1\n  kind: evnt\n  log: Application",
    expect: [["unknown-evidence-kind", 1, 9]],
  },
]);
