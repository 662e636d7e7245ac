// Hostile text read from the machine under Wine (docs/emitted-script-rules.md#machine-values):
// an environment base, a ProfileList path, file names in a folder the script clears and a
// registry value's data carry quotes, & | < > ^ % ! ( ) and a payload that would write a marker
// file if batch ever parsed them as code. The script never runs the payload, never breaks its
// own parse, and says in the log what it could not read. (Service names from sc enumdepend:
// test/cmd/services.wine.test.ts.)
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  compileViewPlaybook,
  VIEW_ID,
  VIEW_KEY_32,
} from "../ps/scenarios/registry-view-playbook.js";
import type { SimulatedWindows } from "../support/simulated-windows-cmd.js";
import { toWinPath } from "../support/wine.js";
import { compileTo } from "./compile-fixture.js";
import { assertCode, recap, resultLines, withSim } from "./scenario.js";
import { wineScenarios } from "./wine-gate.js";

const scenario = wineScenarios(import.meta.url);

const ID = "kb2328240";
const SID = `S-1-5-21-4242-${process.pid}-8-1001`;
const HOSTILE_SID = `S-1-5-21-4242-${process.pid}-8-1002`;
const URL =
  "http://www.download.windowsupdate.com/msdownload/update/v3/static/trustedr/en/authrootstl.cab";
const PROFILE_LIST = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList";

/** Where a payload that ran would leave its mark. */
const marker = (sim: SimulatedWindows) => join(sim.root, "pwned.txt");
/** Text that ends a quoted string and writes the marker when batch parses it as code. */
const payload = (sim: SimulatedWindows) => `x"&echo PWNED>${toWinPath(marker(sim))}&"`;
/** Every other character cmd treats specially, with no quote among them. */
const SPECIALS = "a%KB_ID%b!KB_ID!c^d&e|f<g>h(i)j;k,l=m";

function assertNothingRan(sim: SimulatedWindows, run: { stdout: string }) {
  assert.not.ok(existsSync(marker(sim)), "the payload ran: the marker file exists");
  assert.not.match(run.stdout, /^PWNED\r?$/m, "the payload ran: PWNED was echoed");
}

/** Event 4107 with the cab URL: the playbook's problem, so its methods run. */
function broken(sim: SimulatedWindows): string {
  sim.addEvent(4107, 120, URL);
  return sim.addUserProfile(SID, "alice");
}

/** A .reg file (UTF-16, as regedit writes them) with one string value; \ and " escaped. */
function importString(sim: SimulatedWindows, key: string, name: string, data: string) {
  const file = join(sim.root, "hostile.reg");
  const esc = (s: string) => s.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
  const text = `Windows Registry Editor Version 5.00\r\n\r\n[${key.replace(/^HKLM\\/, "HKEY_LOCAL_MACHINE\\")}]\r\n"${esc(name)}"="${esc(data)}"\r\n`;
  writeFileSync(file, "\ufeff" + text, "utf16le");
  sim.ownValue(key, name);
  const r = sim.registry([`import "${toWinPath(file)}"`]);
  assert.is(r.code, 0, `reg import: ${r.stdout}`);
}

scenario("an environment base with a quote is not used: logged, the run goes on, no payload", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    const alice = broken(sim);
    const run = sim.run(fix, [], { ALLUSERSPROFILE: payload(sim) });
    const log = sim.logText(ID);
    assertNothingRan(sim, run);
    assertCode(run, 0, log);
    assert.match(
      log,
      "WARNING: environment variable(s) ALLUSERSPROFILE hold a double quote: cannot be read safely",
    );
    assert.equal(sim.cacheEntries(alice), [], "the fix still ran");
  }),
);

scenario("an environment base with every other special character is plain text", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    broken(sim);
    const run = sim.run(fix, [], { ALLUSERSPROFILE: `C:\\${SPECIALS}` });
    const log = sim.logText(ID);
    assertNothingRan(sim, run);
    assertCode(run, 0, log);
    assert.not.match(log, "cannot be read safely");
    assert.match(recap(run.stdout), `kbfix ${ID}: Fixed (exit 0)`);
  }),
);

scenario("windir or ProgramData with a quote: exit 2 before anything, and why", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    broken(sim);
    const bad = sim.run(fix, [], { ProgramData: payload(sim) });
    assertNothingRan(sim, bad);
    assert.is(bad.code, 2, bad.stdout);
    assert.match(recap(bad.stdout), "one holding a double quote is not used");
    const win = sim.run(fix, [], { windir: payload(sim), SystemRoot: payload(sim) });
    assertNothingRan(sim, win);
    assert.is(win.code, 2, win.stdout);
    assert.match(recap(win.stdout), "windir is not set, not a full path or holds a double quote");
  }),
);

scenario("a ProfileImagePath with a quote is skipped with a warning; one with & is a path", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    const alice = broken(sim);
    const tom = sim.addUserProfile(`S-1-5-21-4242-${process.pid}-8-1003`, "Tom & Jerry (x)");
    const key = `${PROFILE_LIST}\\${HOSTILE_SID}`;
    sim.ownKey(key);
    importString(sim, key, "ProfileImagePath", payload(sim));
    const run = sim.run(fix);
    const log = sim.logText(ID);
    assertNothingRan(sim, run);
    assertCode(run, 0, log);
    assert.match(
      log,
      `WARNING: profile ${HOSTILE_SID}: its ProfileImagePath holds a double quote: cannot be read safely, skipped`,
      log,
    );
    assert.equal(sim.cacheEntries(alice), []);
    assert.equal(sim.cacheEntries(tom), [], "a profile folder with & and ( ) is emptied too");
  }),
);

// No % in these names: Wine's cmd expands variables inside for-variable values (Windows' cmd does
// not), so such a name would be another name there (test/cmd/services.wine.test.ts says the same).
scenario("file names with & ! ^ ( ) ; , = in a cleared folder are deleted as names", () =>
  withSim((sim) => {
    const { fix } = compileTo(join(sim.root, "out"), ID);
    broken(sim);
    const profile = "Windows/System32/config/systemprofile";
    const content = `${profile}/AppData/LocalLow/Microsoft/CryptnetUrlCache/Content`;
    const names = [
      "a&echo PWNED&b",
      "bang!x!",
      "caret^(y)",
      "semi;comma,eq=z",
      "pipe-free [ok] {1}",
    ];
    for (const name of names) sim.write(`${content}/${name}`, 8);
    const run = sim.run(fix);
    const log = sim.logText(ID);
    assertNothingRan(sim, run);
    assertCode(run, 0, log);
    assert.match(resultLines(log, "clear-cryptnet-content@LocalSystem")[0] ?? "", "changed", log);
    assert.equal(sim.cacheEntries(profile), [], "every hostile name was deleted");
  }),
);

scenario("registry data with a payload is read as data: shown, replaced, never run", () =>
  withSim((sim) => {
    sim.ownKey("HKLM\\SOFTWARE\\KbfixSim");
    sim.ownKey("HKLM\\SOFTWARE\\WOW6432Node\\KbfixSim");
    importString(sim, `HKLM\\${VIEW_KEY_32}`, "Mode", `${payload(sim)} ${SPECIALS}`);
    const viewFix = join(compileViewPlaybook(["ps1", "cmd"]), VIEW_ID, `${VIEW_ID}.fix.cmd`);
    const run = sim.run(viewFix);
    const log = sim.logText(VIEW_ID);
    assertNothingRan(sim, run);
    assertCode(run, 0, log);
    const set = resultLines(log, "set-32")[0] ?? "";
    assert.match(set, "changed", log);
    assert.match(set, "before: REG_SZ x&echo PWNED>", "shown without its quotes");
    assert.match(set, "after: REG_DWORD 0x1", log);
    const again = sim.run(viewFix);
    assertNothingRan(sim, again);
    assert.match(recap(again.stdout), `kbfix ${VIEW_ID}: Compliant (exit 0)`);
    rmSync(join(viewFix, "..", ".."), { recursive: true, force: true });
  }),
);

test.run();
