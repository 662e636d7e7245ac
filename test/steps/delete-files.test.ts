import { runStepTable } from "./step-table.js";

const CATROOT = "'%windir%\\System32\\CatRoot\\{F750E6C3-38EE-11D1-85E5-00C04FC295EE}'";

runStepTable([
  {
    name: "delete-files: tmp*.cat",
    yaml: `- id: d1\n  kind: delete-files\n  folder: ${CATROOT}\n  pattern: tmp*.cat`,
    expect: [],
  },
  {
    name: "delete-files: valid for cmd too",
    yaml: `- id: d1\n  kind: delete-files\n  folder: ${CATROOT}\n  pattern: tmp*.cat`,
    targets: "[ps1, cmd]",
    expect: [],
  },
  {
    name: "delete-files: every file warns",
    yaml: `- id: d1\n  kind: delete-files\n  folder: '%windir%\\inf'\n  pattern: '*.*'`,
    expect: [["broad-pattern", 3, 12]],
  },
  {
    name: "delete-files: missing pattern",
    yaml: `- id: d1\n  kind: delete-files\n  folder: '%windir%\\inf'`,
    expect: [["missing-key", 0, 3]],
  },
  {
    name: "delete-files: pattern with a pipe for cmd",
    yaml: `- id: d1\n  kind: delete-files\n  folder: '%windir%\\inf'\n  pattern: 'a^b'`,
    targets: "[ps1, cmd]",
    expect: [["cmd-unsafe-value", 3, 12]],
  },
]);
