import { runStepTable } from "./step-table.js";

runStepTable([
  {
    name: "manual: guidance text",
    yaml: "- id: m1\n  kind: manual\n  text: Perform an in-place upgrade of Windows.",
    expect: [],
  },
  {
    name: "manual: empty text",
    yaml: "- id: m1\n  kind: manual\n  text: ''",
    expect: [["bad-value", 2, 9]],
  },
  {
    name: "manual: any text is fine for cmd (it is not emitted into batch)",
    yaml: "- id: m1\n  kind: manual\n  text: 'Run \"setup.exe\" & reboot 100%'",
    targets: "[ps1, cmd]",
    expect: [],
  },
]);
