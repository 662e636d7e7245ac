// A detection script takes the remediation's whole command line: it declares every playbook
// parameter, but validates and reads only those its probes use. Here a probe's path is based on
// -ToolFolder, and -Retries (1 to 5 in the remediation) is accepted and ignored.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { compileFixture, fixturePlaybook } from "../../support/fixture-playbook.js";
import { PsMachine } from "../../support/simulated-windows-ps.js";
import { pwshTest as run } from "../pwsh-gate.js";
import { onMachine } from "./scenario.js";

const ID = "kb100013";

const out = compileFixture(
  fixturePlaybook({
    id: ID,
    title: "A probe under a path parameter",
    summary: "Looks for a flag file in the tool folder the admin names.",
    parameters: [
      { name: "ToolFolder", type: "path", description: "Where the tool keeps its flag." },
      { name: "Retries", type: "int", description: "How often.", minimum: 1, maximum: 5 },
    ],
    evidence: [{ id: "flag", kind: "file-size", path: "%ToolFolder%\\flag.bin", aboveBytes: 0 }],
    steps: [{ id: "s1", kind: "manual", text: "Nothing to do." }],
  }),
);
const detect = join(out, ID, `${ID}.detect.ps1`);
const remediation = join(out, ID, `${ID}.ps1`);

const machine = () => new PsMachine({ version: "10.0.19045" }).file("C:\\Tools\\flag.bin", 4);

run("the detection reads the parameter its probe uses and ignores the one it does not", () =>
  onMachine(machine, async (m) => {
    const [found, elsewhere, fix] = await m.runAll([
      { script: detect, params: { ToolFolder: "C:\\Tools", Retries: 99 } },
      { script: detect, params: { ToolFolder: "C:\\Other", Retries: 99 } },
      { script: remediation, params: { ToolFolder: "C:\\Tools", Retries: 99 } },
    ]);
    assert.is(found!.code, 1, found!.recap);
    assert.match(
      found!.recap,
      `kbfix ${ID}: evidence present: flag: C:\\Tools\\flag.bin is 4 bytes`,
    );
    assert.equal(found!.errors, []);
    assert.is(elsewhere!.code, 0, elsewhere!.recap);
    assert.match(elsewhere!.recap, "no current evidence (1 checks)");
    // The remediation validates -Retries: the same command line is refused there.
    assert.match(fix!.errors.join(" "), "Cannot validate argument on parameter 'Retries'");
  }),
);

run("only the parameters the detection reads are validated and kept as data", () => {
  const text = readFileSync(detect, "latin1");
  assert.match(text, "    [string]$ToolFolder,\r\n    [int]$Retries\r\n)");
  assert.not.match(text, "ValidateRange");
  assert.match(text, "$script:KbParameters = @{\r\n    ToolFolder = $ToolFolder\r\n}");
  assert.match(readFileSync(remediation, "latin1"), "[ValidateRange(1, 5)]");
  return Promise.resolve();
});

test.after(() => rmSync(out, { recursive: true, force: true }));
test.run();
