import { runProbeTable } from "./probe-table.js";

const probe = (program: string, args: string, decide: string) =>
  `- id: c1\n  kind: command\n  program: '${program}'\n  args: ${args}\n  ${decide}`;
const SC = "%windir%\\System32\\sc.exe";
const BITS_SDDL = "D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)";

runProbeTable([
  {
    name: "command: winmgmt /verifyrepository by its exit code",
    yaml: probe("%windir%\\System32\\wbem\\winmgmt.exe", "[/verifyrepository]", "cleanCodes: [0]"),
    expect: [],
  },
  {
    name: "command: sc.exe sdshow bits against an SDDL string, in batch too",
    yaml: probe(SC, "[sdshow, bits]", `cleanTokens: ['${BITS_SDDL}']\n  match: all`),
    targets: "[ps1, cmd]",
    expect: [],
  },
  {
    name: "command: bitsadmin /list /allusers with problem tokens",
    yaml: probe(
      "%SystemRoot%\\System32\\bitsadmin.exe",
      "[/list, /allusers]",
      "problemTokens: ['0x80200013', '0x80070005']",
    ),
    expect: [],
  },
  {
    name: "command: nothing to decide by",
    yaml: probe(SC, "[query, bits]", "timeoutSeconds: 30"),
    expect: [["probe-nothing-to-test", 0, 3]],
  },
  {
    name: "command: a tool outside Windows' folders",
    yaml: probe("%ProgramFiles%\\Tool\\check.exe", "[]", "cleanCodes: [0]"),
    expect: [["command-not-system", 2, 12]],
  },
  {
    name: "command: a verb that changes the machine is refused",
    yaml: probe(SC, "[config, bits, start=, auto]", "cleanCodes: [0]"),
    expect: [["command-changes-state", 3, 10]],
  },
  {
    name: "command: winmgmt /salvagerepository is refused, in any case and with - instead of /",
    yaml: probe("%windir%\\System32\\wbem\\WinMgmt.EXE", "[-SalvageRepository]", "cleanCodes: [0]"),
    expect: [["command-changes-state", 3, 10]],
  },
  {
    name: "command: an unknown tool warns",
    yaml: probe("%windir%\\System32\\netsh.exe", "[winhttp, show, proxy]", "cleanCodes: [0]"),
    expect: [["command-not-known-read-only", 2, 12]],
  },
  {
    name: "command: a known tool without a read-only verb warns",
    yaml: probe(SC, "[bits]", "cleanCodes: [0]"),
    expect: [["command-not-known-read-only", 2, 12]],
  },
  {
    name: "command: a control character in an argument",
    yaml: probe(SC, '["qc\\nbits"]', "cleanCodes: [0]"),
    expect: [["unsafe-argument", 3, 10]],
  },
  {
    name: "command: a base inside an argument, in batch too",
    yaml: probe(
      "%windir%\\System32\\dism.exe",
      "[/Online, /Get-Packages, '/LogPath:%windir%\\Logs\\DISM\\kbfix.log']",
      "cleanCodes: [0]",
    ),
    targets: "[ps1, cmd]",
    expect: [["command-not-known-read-only", 2, 12]],
  },
  {
    name: "command: a %variable% that is not a base",
    yaml: probe(SC, "[query, '%SERVICE%']", "cleanCodes: [0]"),
    expect: [["unknown-argument-variable", 3, 17]],
  },
  {
    name: "command: %% is a literal % (batch cannot carry it)",
    yaml: probe(SC, "[query, 'a%%b']", "cleanCodes: [0]"),
    targets: "[ps1, cmd]",
    expect: [["cmd-unsafe-value", 3, 17]],
  },
  {
    name: "command: localized message text as a token warns",
    yaml: probe(SC, "[query, bits]", "problemTokens: ['De service is niet gestart']"),
    expect: [["localized-token", 0, 3]],
  },
  {
    name: "command: a percent sign in a token for batch",
    yaml: probe(SC, "[query, bits]", "problemTokens: ['100%']"),
    targets: "[ps1, cmd]",
    expect: [["cmd-unsafe-value", 4, 19]],
  },
  {
    name: "command: an exit code above 32 bits",
    yaml: probe(SC, "[query, bits]", "cleanCodes: [4294967296]"),
    expect: [["bad-value", 4, 16]],
  },
]);
