import { runStepTable } from "./step-table.js";

const step = (args: string, extra = "\n  guard: { evidence: detection }") =>
  `- id: x1\n  kind: run\n  program: '%ToolFolder%\\CCMCertFix.exe'\n  args: ${args}${extra}`;

runStepTable([
  { name: "run: CCMCertFix with a log file", yaml: step("[CCMCertFix.log]"), expect: [] },
  { name: "run: parameter argument", yaml: step("[{ parameter: CertFile }]"), expect: [] },
  {
    name: "run: unknown parameter",
    yaml: step("[{ parameter: Nope }]"),
    expect: [["unknown-parameter", 3, 23]],
  },
  {
    name: "run: switches and quotes written in the playbook are carried",
    yaml: step("['/reset', '-x', 'a\"b', 'D:(A;;CC;;;SY)']"),
    expect: [],
  },
  {
    name: "run: a control character is refused",
    yaml: step('["a\\nb"]'),
    expect: [["unsafe-argument", 3, 10]],
  },
  {
    name: "run: bases inside arguments, and %% for a literal %",
    yaml: step(
      "['/log:%windir%\\Logs\\x.log', '%SystemDrive%', 'x=%ProgramFiles(x86)%;%CommonAppData%', '50%%']",
    ),
    expect: [],
  },
  {
    name: "run: a %variable% that is not a base",
    yaml: step("[a, '/log:%TEMP%\\x.log']"),
    expect: [["unknown-argument-variable", 3, 13]],
  },
  {
    name: "run: a single % that starts no base",
    yaml: step("['50%']"),
    expect: [["unknown-argument-variable", 3, 10]],
  },
  {
    name: "run: a parameter written as %Name% inside an argument",
    yaml: step("['/in:%CertFile%']"),
    expect: [["unknown-argument-variable", 3, 10]],
  },
  { name: "run: no guard", yaml: step("[a]", ""), expect: [["missing-guard", 0, 3]] },
  {
    name: "run: creates guard",
    yaml: step("[a]", "\n  guard: { creates: '%windir%\\kbfix.done' }"),
    expect: [],
  },
  {
    name: "run: verify with a detection probe",
    yaml: step("[a]", "\n  guard: { evidence: detection }\n  verify: { evidence: probe-a }"),
    expect: [],
  },
  {
    name: "run: verify with unknown evidence",
    yaml: step("[a]", "\n  guard: { evidence: detection }\n  verify: { evidence: detection }"),
    expect: [["unknown-evidence", 5, 11]],
  },
  {
    name: "run: bad success codes",
    yaml: step("[a]", "\n  guard: { evidence: detection }\n  successCodes: []"),
    expect: [["bad-value", 5, 17]],
  },
]);
