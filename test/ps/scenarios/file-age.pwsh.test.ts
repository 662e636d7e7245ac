// The file-contains time window in the .ps1 (the batch twin is test/cmd/file-age.wine.test.ts):
// a log holding the token counts when written in the last 30 days, and is not searched when
// last written 45 days ago.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import {
  AGE_LOG,
  AGE_TOKEN_LINE,
  compileFileAgePlaybook,
  FILE_AGE_ID,
} from "../../support/file-age-playbook.js";
import { PsMachine } from "../../support/simulated-windows-ps.js";
import { pwshTest as run } from "../pwsh-gate.js";
import { logOf, onMachine } from "./scenario.js";

const out = compileFileAgePlaybook();
const detect = join(out, FILE_AGE_ID, `${FILE_AGE_ID}.detect.ps1`);
const withLog = (ageDays: number) => () =>
  new PsMachine({ version: "10.0.19045" }).file(`C:\\${AGE_LOG}`, AGE_TOKEN_LINE, ageDays);

run("a log with the token written today is evidence", () =>
  onMachine(withLog(0), async (m) => {
    const found = await m.run(detect);
    assert.is(found.code, 1, found.recap);
    assert.match(found.recap, "kbfix-age.log (bytes 0-61) contains 0x800B0109");
  }),
);

run("the same log last written 45 days ago is not searched", () =>
  onMachine(withLog(45), async (m) => {
    const old = await m.run(detect);
    assert.is(old.code, 0, old.recap);
    assert.match(old.recap, "no current evidence (1 checks)");
    assert.match(
      logOf(m, FILE_AGE_ID),
      "[age-log] absent: C:\\Windows\\kbfix-age.log not written in the last 30 days",
    );
  }),
);

test.after(() => rmSync(out, { recursive: true, force: true }));
test.run();
