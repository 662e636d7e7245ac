// The Intune Win32 installer script (deploy/<id>.win32-install.ps1) in PowerShell 7.6.9: it finds
// <id>.ps1 beside itself or in the folder it starts in, runs it without arguments and exits with
// its exit code, whole (3010, 1641); without the remediation it says so and exits 2. It runs the
// remediation in its own session (`&`), so what the remediation does is what the scenario suites
// test; the simulated Windows maps Windows paths only, so it cannot host a script's own folder.
import * as assert from "uvu/assert";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzePlaybook, compilePlan } from "../../src/pipeline.js";
import { win32InstallerName } from "../../src/deploy/intune-win32-installer.js";
import { DEPLOY_ROUTES, routeSize } from "../../src/model/deploy-routes.js";
import { pwshTest as run } from "../ps/pwsh-gate.js";
import { runPwshFile } from "../support/run-pwsh.js";
import { tempDir } from "../support/temp-dir.js";

const ID = "kb2328240";
const files = compilePlan(analyzePlaybook(`playbooks/${ID}.yaml`).plan!);
const installer = files.find((f) => f.path === `${ID}/deploy/${win32InstallerName(ID)}`)!;

/** A stand-in remediation: prints how many arguments it got, exits with `code`. */
const standIn = (code: number) =>
  `Write-Output ('stand-in ran with ' + $args.Count + ' arguments')\r\nexit ${code}\r\n`;

function folderWith(files: Record<string, string | Buffer>): string {
  const folder = tempDir("kbfix-win32-");
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(folder, name), bytes);
  return folder;
}

run("the installer script fits both Win32 script routes", () => {
  for (const route of DEPLOY_ROUTES.filter((r) => r.input === "win32-installer"))
    assert.ok(routeSize(route, installer.bytes.length) <= route.limitBytes, route.id);
});

run("beside the installer: runs the remediation without arguments and passes 3010 through", () => {
  const folder = folderWith({
    [win32InstallerName(ID)]: installer.bytes,
    [`${ID}.ps1`]: standIn(3010),
  });
  const ran = runPwshFile(join(folder, win32InstallerName(ID)), [], { cwd: tmpdir() });
  assert.is(ran.code, 3010, ran.stderr);
  assert.match(ran.stdout, /stand-in ran with 0 arguments/);
});

run("in the folder it starts in (the package content): found there, 1641 passed through", () => {
  const content = folderWith({ [`${ID}.ps1`]: standIn(1641) });
  const elsewhere = folderWith({ [win32InstallerName(ID)]: installer.bytes });
  const ran = runPwshFile(join(elsewhere, win32InstallerName(ID)), [], { cwd: content });
  assert.is(ran.code, 1641, ran.stderr);
  assert.match(ran.stdout, /stand-in ran with 0 arguments/);
});

run("no remediation in the package: one line naming the folders, exit 2", () => {
  const folder = folderWith({ [win32InstallerName(ID)]: installer.bytes });
  const empty = tempDir("kbfix-win32-empty-");
  const ran = runPwshFile(join(folder, win32InstallerName(ID)), [], { cwd: empty });
  assert.is(ran.code, 2);
  assert.match(ran.stdout, new RegExp(`kbfix ${ID}: ${ID}\\.ps1 is not in the package content`));
});

run.run();
