import { runStepTable } from "./step-table.js";

const step = (path: string, extra = "\n  guard: { evidence: detection }") =>
  `- id: r1\n  kind: rename\n  path: ${path}\n  newName: oldcatroot2${extra}`;

runStepTable([
  {
    name: "rename: catroot2 behind the detection guard",
    yaml: step("'%windir%\\System32\\catroot2'"),
    expect: [],
  },
  {
    name: "rename: no guard",
    yaml: step("'%windir%\\System32\\catroot2'", ""),
    expect: [["missing-guard", 0, 3]],
  },
  {
    name: "rename: catroot is protected",
    yaml: step("'%windir%\\System32\\catroot'"),
    expect: [["protected-path", 0, 3]],
  },
  { name: "rename: the base itself", yaml: step("'%windir%'"), expect: [["protected-path", 0, 3]] },
  {
    name: "rename: drive letter",
    yaml: step("'C:\\Windows\\catroot2'"),
    expect: [["bad-path", 2, 9]],
  },
  { name: "rename: parent segment", yaml: step("'%windir%\\..\\x'"), expect: [["bad-path", 2, 9]] },
  {
    name: "rename: below %ALLUSERSPROFILE% and %CommonAppData%",
    yaml: step("'%ALLUSERSPROFILE%\\Microsoft\\Crypto\\RSA\\MachineKeys'"),
    expect: [],
  },
  {
    name: "rename: below %CommonAppData%",
    yaml: step("'%commonappdata%\\Microsoft\\Network\\Downloader'"),
    expect: [],
  },
  {
    name: "rename: a folder on the system drive",
    yaml: step("'%SystemDrive%\\Temp\\CcmCache'"),
    expect: [],
  },
  {
    name: "rename: the system drive's root",
    yaml: step("'%SystemDrive%'"),
    expect: [["bad-path", 2, 9]],
  },
  {
    name: "rename: the system drive's root with a separator",
    yaml: step("'%SystemDrive%\\'"),
    expect: [["bad-path", 2, 9]],
  },
  {
    name: "rename: Program Files on the system drive is protected",
    yaml: step("'%SystemDrive%\\Program Files'"),
    expect: [["protected-path", 0, 3]],
  },
  {
    name: "rename: Users on the system drive is protected (any case)",
    yaml: step("'%SystemDrive%\\USERS'"),
    expect: [["protected-path", 0, 3]],
  },
  {
    name: "rename: Windows\\System32 on the system drive is protected as under %windir%",
    yaml: step("'%SystemDrive%\\Windows\\System32'"),
    expect: [["protected-path", 0, 3]],
  },
  {
    name: "rename: catroot2 through the system drive is not protected",
    yaml: step("'%SystemDrive%\\Windows\\System32\\catroot2'"),
    expect: [],
  },
  {
    name: "rename: %CommonAppData% itself",
    yaml: step("'%CommonAppData%'"),
    expect: [["protected-path", 0, 3]],
  },
  {
    name: "rename: under a parameter",
    yaml: step("'%ToolFolder%\\x'"),
    expect: [["destructive-path-base", 0, 3]],
  },
  {
    name: "rename: unknown guard evidence",
    yaml: step("'%windir%\\System32\\catroot2'", "\n  guard: { evidence: probe-b }"),
    expect: [["unknown-evidence", 0, 3]],
  },
  {
    name: "rename: new name with a folder",
    yaml: "- id: r1\n  kind: rename\n  path: '%windir%\\x'\n  newName: a\\b\n  guard: { evidence: detection }",
    expect: [["bad-value", 3, 12]],
  },
  {
    name: "rename: guard with two forms",
    yaml: step("'%windir%\\x'", "\n  guard: { evidence: detection, creates: '%windir%\\y' }"),
    expect: [["bad-shape", 4, 10]],
  },
]);
