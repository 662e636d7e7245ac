// The bases beyond %windir% in the .ps1: %CommonAppData% is ProgramData from Vista on and the
// "Common AppData" shell folder on XP (translated there, so a German XP has Anwendungsdaten),
// %ALLUSERSPROFILE% is the environment's value, %SystemDrive% is a drive letter that always has a
// folder below it. A base that is not what it should be fails its step and touches nothing.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { PsMachine } from "../../support/simulated-windows-ps.js";
import { BASES_ID, compileBasesPlaybook } from "../../support/bases-playbook.js";
import { pwshTest as run } from "../pwsh-gate.js";
import { checkedResult, onMachine, type StepResult } from "./scenario.js";

const out = compileBasesPlaybook();
const script = join(out, BASES_ID, `${BASES_ID}.ps1`);
const record = (results: StepResult[], id: string) => results.find((r) => r.id === id)!;
const SHELL_FOLDERS = "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Shell Folders";

/** The vendor folders under each base's value on this machine. */
function vendorFolders(m: PsMachine, common: string, allUsers: string): PsMachine {
  return m
    .file(`${common}\\Vendor\\Cache\\cache.log`, 500)
    .file(`${allUsers}\\Vendor\\Queue\\q.dat`, 10)
    .file("C:\\Spool\\Vendor\\job.spl", 10);
}

run("Windows 10: %CommonAppData% and %ALLUSERSPROFILE% are ProgramData; %SystemDrive% is C:", () =>
  onMachine(
    () =>
      vendorFolders(new PsMachine({ version: "10.0.19045" }), "C:\\ProgramData", "C:\\ProgramData"),
    async (m) => {
      // A Shell Folders value that disagrees is not read from Vista on.
      m.registry(SHELL_FOLDERS, "Common AppData", { kind: "String", data: "C:\\Elsewhere" });
      const result = checkedResult(m, await m.run(script), BASES_ID);
      for (const id of ["r-common", "r-allusers", "r-drive"])
        assert.is(record(result.results, id).status, "changed", id);
      assert.ok(m.exists("C:\\ProgramData\\Vendor\\Cache.old\\cache.log"));
      assert.ok(m.exists("C:\\ProgramData\\Vendor\\Queue.old\\q.dat"));
      assert.ok(m.exists("C:\\Spool\\Vendor.old\\job.spl"));
      assert.is(result.evidenceAfter.present, false);
    },
  ),
);

run("German XP: %CommonAppData% is the translated shell folder, not a hard-coded name", () =>
  onMachine(
    () => {
      const allUsers = "C:\\Dokumente und Einstellungen\\All Users";
      const m = new PsMachine({ version: "5.1.2600", architecture: "X86" });
      delete m.world.env.ProgramData;
      m.world.env.ALLUSERSPROFILE = allUsers;
      m.registry(SHELL_FOLDERS, "Common AppData", {
        kind: "String",
        data: `${allUsers}\\Anwendungsdaten`,
      });
      return vendorFolders(m, `${allUsers}\\Anwendungsdaten`, allUsers);
    },
    async (m) => {
      const result = checkedResult(m, await m.run(script), BASES_ID);
      assert.is(record(result.results, "r-common").status, "changed");
      assert.ok(
        m.exists("C:\\Dokumente und Einstellungen\\All Users\\Anwendungsdaten\\Vendor\\Cache.old"),
      );
      assert.ok(m.exists("C:\\Dokumente und Einstellungen\\All Users\\Vendor\\Queue.old"));
      assert.is(result.evidenceAfter.present, false);
    },
  ),
);

run(
  "XP without the shell folder value: the probe under %CommonAppData% errors, nothing moves",
  () =>
    onMachine(
      () => {
        const m = new PsMachine({ version: "5.1.2600", architecture: "X86" });
        delete m.world.env.ProgramData;
        return vendorFolders(m, "C:\\ProgramData", "C:\\ProgramData");
      },
      async (m) => {
        const result = checkedResult(m, await m.run(script), BASES_ID);
        assert.equal((result.evidenceBefore as { probes?: unknown[] }).probes?.[0], {
          id: "big-cache-log",
          present: false,
          detail: "error: %CommonAppData% is empty (not given or not set on this machine)",
        });
        assert.ok(m.exists("C:\\ProgramData\\Vendor\\Cache\\cache.log"));
      },
    ),
);

for (const [label, value] of <[string, string][]>[
  ["a folder", "C:\\Windows"],
  ["a relative name", "Windows"],
  ["a share", "\\\\server\\share"],
  ["a device path", "\\\\?\\C:"],
  ["two letters", "CC:"],
]) {
  run(`%SystemDrive% set to ${label} fails its step and moves nothing`, () =>
    onMachine(
      () => vendorFolders(new PsMachine(), "C:\\ProgramData", "C:\\ProgramData"),
      async (m) => {
        m.world.env.SystemDrive = value;
        const result = checkedResult(m, await m.run(script), BASES_ID);
        const drive = record(result.results, "r-drive");
        assert.is(drive.status, "failed", JSON.stringify(drive));
        assert.match(drive.message, "%SystemDrive% is not a drive letter");
        assert.ok(m.exists("C:\\Spool\\Vendor\\job.spl"));
        assert.is(record(result.results, "r-common").status, "changed");
      },
    ),
  );
}

test.after(() => rmSync(out, { recursive: true, force: true }));
test.run();
