import { runStepTable } from "./step-table.js";

runStepTable([
  {
    name: "clear-folder: SoftwareDistribution with backup",
    yaml: "- id: c1\n  kind: clear-folder\n  path: '%windir%\\SoftwareDistribution'\n  backup: true",
    expect: [],
  },
  {
    name: "clear-folder: include pattern",
    yaml: "- id: c1\n  kind: clear-folder\n  path: '%windir%\\Temp'\n  include: '*.tmp'",
    expect: [],
  },
  {
    name: "clear-folder: System32 is protected",
    yaml: "- id: c1\n  kind: clear-folder\n  path: '%SystemRoot%\\system32'",
    expect: [["protected-path", 0, 3]],
  },
  {
    name: "clear-folder: %profile% outside per-user",
    yaml: "- id: c1\n  kind: clear-folder\n  path: '%profile%\\AppData'",
    expect: [["profile-outside-per-user", 2, 9]],
  },
  {
    name: "clear-folder: include with a folder",
    yaml: "- id: c1\n  kind: clear-folder\n  path: '%windir%\\Temp'\n  include: 'a\\*.tmp'",
    expect: [["bad-value", 3, 12]],
  },
  {
    name: "clear-folder: batch-unsafe path for cmd",
    yaml: "- id: c1\n  kind: clear-folder\n  path: '%windir%\\a&b'",
    targets: "[ps1, cmd]",
    expect: [["cmd-unsafe-value", 2, 9]],
  },
  {
    name: "clear-folder: percent in a path for cmd",
    yaml: "- id: c1\n  kind: clear-folder\n  path: '%windir%\\a%PATH%b'",
    targets: "[ps1, cmd]",
    expect: [["cmd-unsafe-value", 2, 9]],
  },
]);
