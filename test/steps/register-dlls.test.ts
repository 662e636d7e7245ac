import { runStepTable } from "./step-table.js";

runStepTable([
  {
    name: "register-dlls: crypto DLLs",
    yaml: "- id: r1\n  kind: register-dlls\n  dlls: ['%windir%\\System32\\softpub.dll', '%windir%\\System32\\wintrust.dll']\n  guard: { evidence: detection }",
    expect: [],
  },
  {
    name: "register-dlls: no guard",
    yaml: "- id: r1\n  kind: register-dlls\n  dlls: ['%windir%\\System32\\softpub.dll']",
    expect: [["missing-guard", 0, 3]],
  },
  {
    name: "register-dlls: empty list",
    yaml: "- id: r1\n  kind: register-dlls\n  dlls: []\n  guard: { evidence: detection }",
    expect: [["bad-value", 2, 9]],
  },
  {
    name: "register-dlls: relative path",
    yaml: "- id: r1\n  kind: register-dlls\n  dlls: ['softpub.dll']\n  guard: { evidence: detection }",
    expect: [["bad-path", 2, 10]],
  },
]);
