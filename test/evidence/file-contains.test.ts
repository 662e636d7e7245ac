import { runProbeTable } from "./probe-table.js";

runProbeTable([
  {
    name: "file-contains: HRESULTs in WindowsUpdate.log (valid; an ETW trace on NT 10.0+, warned)",
    yaml: "- id: f1\n  kind: file-contains\n  path: '%windir%\\WindowsUpdate.log'\n  tokens: ['0x800B0109', '0x80096001']",
    expect: [["windows-update-log-etw", 2, 9]],
  },
  {
    name: "file-contains: localized message text warns",
    yaml: "- id: f1\n  kind: file-contains\n  path: '%windir%\\svcpack.log'\n  tokens: ['Kan catalogusbestanden niet installeren']",
    expect: [["localized-token", 0, 3]],
  },
  {
    name: "file-contains: no tokens",
    yaml: "- id: f1\n  kind: file-contains\n  path: '%windir%\\x.log'\n  tokens: []",
    expect: [["bad-value", 3, 11]],
  },
  {
    name: "file-contains: token with a percent sign for cmd",
    yaml: "- id: f1\n  kind: file-contains\n  path: '%windir%\\x.log'\n  tokens: ['100%']",
    targets: "[ps1, cmd]",
    expect: [["cmd-unsafe-value", 3, 12]],
  },
]);
