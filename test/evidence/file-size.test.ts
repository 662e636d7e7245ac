import { runProbeTable } from "./probe-table.js";

runProbeTable([
  {
    name: "file-size: edb.log over 20 MB",
    yaml: "- id: f1\n  kind: file-size\n  path: '%windir%\\System32\\catroot2\\edb.log'\n  aboveBytes: 20971520",
    expect: [],
  },
  {
    name: "file-size: negative limit",
    yaml: "- id: f1\n  kind: file-size\n  path: '%windir%\\x'\n  aboveBytes: -1",
    expect: [["bad-value", 3, 15]],
  },
  {
    name: "file-size: unknown base",
    yaml: "- id: f1\n  kind: file-size\n  path: '%windr%\\x'\n  aboveBytes: 1",
    expect: [["bad-path", 2, 9]],
  },
]);
