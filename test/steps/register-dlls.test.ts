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
  {
    name: "register-dlls: success codes and not self-registering allowed",
    yaml: "- id: r1\n  kind: register-dlls\n  dlls: ['%windir%\\System32\\softpub.dll']\n  guard: { evidence: detection }\n  successCodes: [0, -1073741819]\n  allowNotSelfRegistering: true",
    expect: [],
  },
  {
    name: "register-dlls: empty success codes",
    yaml: "- id: r1\n  kind: register-dlls\n  dlls: ['%windir%\\System32\\softpub.dll']\n  guard: { evidence: detection }\n  successCodes: []",
    expect: [["bad-value", 4, 17]],
  },
  {
    name: "register-dlls: a success code beyond 32 bits",
    yaml: "- id: r1\n  kind: register-dlls\n  dlls: ['%windir%\\System32\\softpub.dll']\n  guard: { evidence: detection }\n  successCodes: [4294967296]",
    expect: [["bad-value", 4, 18]],
  },
  {
    name: "register-dlls: allowNotSelfRegistering is a boolean",
    yaml: "- id: r1\n  kind: register-dlls\n  dlls: ['%windir%\\System32\\softpub.dll']\n  guard: { evidence: detection }\n  allowNotSelfRegistering: 'yes'",
    expect: [["bad-value", 4, 28]],
  },
]);
