// CSV reading (quotes, commas and line breaks inside fields, doubled quotes, CRLF, a BOM,
// UTF-16, chunk borders) and Intune's device status export read into runs.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CsvError, CsvReader } from "../../src/report/csv-reader.js";
import { columnIndex } from "../../src/report/intune-csv.js";
import { rollUp } from "../../src/report/roll-up.js";
import { folderWith, tempFolder } from "./temp-inputs.js";

function rows(text: string, chunk = text.length): string[][] {
  const out: string[][] = [];
  const reader = new CsvReader((fields) => out.push(fields));
  for (let i = 0; i < text.length; i += chunk) reader.push(text.slice(i, i + chunk));
  reader.end();
  return out;
}

test("quoted fields hold commas, CRLF and LF line breaks, and doubled quotes", () => {
  const text = 'a,b,c\r\n"1,2","line1\r\nline2","say ""hi"""\r\nx,,"z\ny"\n\n';
  const expected = [
    ["a", "b", "c"],
    ["1,2", "line1\r\nline2", 'say "hi"'],
    ["x", "", "z\ny"],
  ];
  assert.equal(rows(text), expected);
  for (const chunk of [1, 2, 3, 7]) assert.equal(rows(text, chunk), expected, `chunk ${chunk}`);
});

test("a last row without a line end, an empty quoted field, a trailing empty field", () => {
  assert.equal(rows('a,"",c,\n1,2,3,4'), [
    ["a", "", "c", ""],
    ["1", "2", "3", "4"],
  ]);
});

test("an unclosed quote is an error naming the line, never a hang or a crash", () => {
  assert.throws(
    () => rows('a,b\n1,"open\n2,3\n'),
    (e: unknown) => e instanceof CsvError && /line 2/.test(String(e)),
  );
  const reader = new CsvReader(() => {}, 10);
  assert.throws(() => reader.push('"' + "x".repeat(50)), /longer than 10 characters/);
});

test("columns are found by name, any case and punctuation, portal or Graph names", () => {
  assert.equal(
    columnIndex([
      "Device name",
      "UPN",
      "Pre-remediation detection output",
      "POST-REMEDIATION DETECTION OUTPUT",
    ]),
    { device: 0, preOutput: 2, postOutput: 3 },
  );
  assert.equal(
    columnIndex(["deviceName", "preRemediationDetectionScriptOutput", "remediationScriptError"]),
    {
      device: 0,
      preOutput: 1,
      remediationError: 2,
    },
  );
});

const HEADER =
  "Device name,UPN,Detection status,Remediation status,Pre-remediation detection output,Pre-remediation detection error,Remediation error,Post-remediation detection output,Post-remediation detection error,Last run,Remediation output\r\n";
const recap = (id: string, outcome: string, code: number, failed = 0) =>
  `kbfix ${id}: ${outcome} (exit ${code}) ok=0 changed=1 skipped=2 failed=${failed} not-applicable=0 manual=0 log=C:\\Windows\\Logs\\kbfix\\${id}.log`;

const EXPORT_ROWS = [
  // The recap in the remediation output (several lines; the recap is the last).
  `PC-1,a@x,With issues,Issue fixed,"kbfix kb1: evidence present: svc: stopped",,,"kbfix kb1: no current evidence (3 checks)",,2026-01-02T10:00:00Z,"started\r\n${recap("kb1", "FixedSoftReboot", 3010)}"`,
  // No recap kept: the detection lines decide.
  `PC-2,b@x,With issues,Issue fixed,"kbfix kb1: evidence present: svc: stopped",,,"kbfix kb1: no current evidence (3 checks)",,2026-01-02T10:00:00Z,`,
  `PC-3,c@x,With issues,Failed,"kbfix kb1: evidence present: svc: stopped",,,"kbfix kb1: evidence present: svc: stopped, ""really""",,2026-01-02T10:00:00Z,`,
  `PC-4,d@x,Without issues,Not run,"kbfix kb1: no current evidence (3 checks)",,,,,2026-01-02T10:00:00Z,`,
  `PC-5,e@x,Without issues,Not run,"kbfix kb1: not applicable: Windows NT 5.1 is older than NT 6.1",,,,,2026-01-02T10:00:00Z,`,
  `PC-6,f@x,Failed,Not run,"kbfix kb1: detection error: access denied",,,,,2026-01-02T10:00:00Z,`,
  `PC-7,g@x,With issues,Failed,"kbfix kb1: evidence present: svc: stopped",,"${recap("kb1", "StepFailed", 2, 1)}",,,2026-01-02T10:00:00Z,`,
  // Not ours: no kbfix line anywhere.
  `PC-8,h@x,With issues,Failed,"some other script said hello",,,,,2026-01-02T10:00:00Z,`,
];
const exportRows = () => EXPORT_ROWS.join("\r\n");

test("an Intune export: the recap when kept, otherwise the detection lines; other rows named", () => {
  const dir = folderWith({ "export.csv": "\uFEFF" + HEADER + exportRows() + "\r\n" });
  const r = rollUp([dir]);
  assert.is(r.inputs.csvFiles, 1);
  assert.is(r.inputs.csvRows, 8);
  assert.is(r.inputs.machines, 7);
  const p = r.playbooks[0]!;
  assert.is(p.toolVersion, "unknown");
  assert.equal(p.outcomes, [
    { exitCode: 0, machines: 2, outcomes: { Compliant: 1, Fixed: 1 } },
    { exitCode: 1, machines: 1, outcomes: { StillPresent: 1 } },
    { exitCode: 2, machines: 1, outcomes: { StepFailed: 1 } },
    { exitCode: 3, machines: 1, outcomes: { NotApplicable: 1 } },
    { exitCode: 3010, machines: 1, outcomes: { FixedSoftReboot: 1 } },
    { exitCode: null, machines: 1, outcomes: { DetectionError: 1 } },
  ]);
  assert.equal(
    r.problems.map((x) => [x.kind, x.path.endsWith("export.csv:10")]),
    [["csv-row-without-kbfix", true]],
  );
  const still = p.failingMachines.find((m) => m.computer === "PC-3")!;
  assert.match(still.message, 'svc: stopped, "really"');
});

test("a CSV that is not an Intune export, an empty one, a broken one: invalid-csv, named", () => {
  const dir = folderWith({
    "other.csv": "name,value\r\na,1\r\n",
    "empty.csv": "",
    "broken.csv": HEADER + 'PC-1,"never closed\r\n',
  });
  const r = rollUp([dir]);
  assert.equal(
    r.problems.map((p) => [p.kind, p.path.slice(dir.length + 1)]),
    [
      ["invalid-csv", "broken.csv"],
      ["invalid-csv", "empty.csv"],
      ["invalid-csv", "other.csv"],
    ],
  );
  assert.match(r.problems[2]!.message, "no device name column");
});

test("a UTF-16 LE export (with its byte-order mark) reads like UTF-8", () => {
  const dir = tempFolder();
  const text = HEADER + EXPORT_ROWS[0] + "\r\n";
  writeFileSync(
    join(dir, "unicode.csv"),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
  );
  const r = rollUp([dir]);
  assert.is(r.inputs.machines, 1);
  assert.equal(Object.keys(r.playbooks[0]!.outcomes[0]!.outcomes), ["FixedSoftReboot"]);
});

test("a CSV row and a result file of the same machine: the later one wins", () => {
  const csv = HEADER + EXPORT_ROWS[2]!.replace("PC-3", "WS-0005") + "\r\n";
  const dir = folderWith({ "export.csv": csv });
  const r = rollUp([dir, "test/fixtures/results/WS-0005.run1.kb822798.result.json"]);
  // Different playbooks (kb1 vs kb822798): two machines-playbook pairs, nothing superseded.
  assert.is(r.inputs.superseded, 0);
  const later = csv
    .replace("kb1", "kb822798")
    .replace(/kb1:/g, "kb822798:")
    .replace("2026-01-02T10:00:00Z", "2099-01-01T00:00:00Z");
  const r2 = rollUp([
    folderWith({ "export.csv": later }),
    "test/fixtures/results/WS-0005.run1.kb822798.result.json",
  ]);
  assert.is(r2.inputs.superseded, 1);
  assert.equal(
    r2.playbooks.map((p) => [p.toolVersion, p.machines]),
    [["unknown", 1]],
  );
});

test.run();
