import { runProbeTable } from "./probe-table.js";

runProbeTable([
  {
    name: "file-version: below a version",
    yaml: "- id: v1\n  kind: file-version\n  path: '%windir%\\System32\\crypt32.dll'\n  below: 5.131.2600.5512",
    expect: [],
  },
  {
    name: "file-version: not a version",
    yaml: "- id: v1\n  kind: file-version\n  path: '%windir%\\x.dll'\n  below: latest",
    expect: [["bad-value", 3, 10]],
  },
  {
    name: "file-version: batch cannot read versions",
    yaml: "- id: v1\n  kind: file-version\n  path: '%windir%\\x.dll'\n  below: '1.0'",
    targets: "[ps1, cmd]",
    expect: [["cmd-unsupported", 0, 3]],
  },
]);
