import { runStepTable } from "./step-table.js";

runStepTable([
  {
    name: "certificate: by subject, import from a parameter",
    yaml: "- id: c1\n  kind: certificate\n  store: Root\n  subject: Microsoft Root Authority\n  importFrom: CertFile",
    expect: [],
  },
  {
    name: "certificate: by thumbprint, manual when missing",
    yaml: "- id: c1\n  kind: certificate\n  store: TrustedPublisher\n  thumbprint: A43489159A520F0D93D032CCAF37E7FE20A8B419",
    expect: [],
  },
  {
    name: "certificate: both thumbprint and subject",
    yaml: "- id: c1\n  kind: certificate\n  store: Root\n  subject: X\n  thumbprint: A43489159A520F0D93D032CCAF37E7FE20A8B419",
    expect: [["certificate-match", 0, 3]],
  },
  {
    name: "certificate: import from an undeclared parameter",
    yaml: "- id: c1\n  kind: certificate\n  store: Root\n  subject: X\n  importFrom: Nope",
    expect: [["unknown-parameter", 4, 15]],
  },
  {
    name: "certificate: unknown store",
    yaml: "- id: c1\n  kind: certificate\n  store: Roots\n  subject: X",
    expect: [["bad-value", 2, 10]],
  },
  {
    name: "certificate: batch cannot carry it",
    yaml: "- id: c1\n  kind: certificate\n  store: Root\n  subject: X",
    targets: "[ps1, cmd]",
    expect: [["cmd-unsupported", 0, 3]],
  },
]);
