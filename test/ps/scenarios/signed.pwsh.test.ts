// Signed scripts behave exactly as unsigned ones: every playbook's scripts, signed through
// `kbfix sign` with a throwaway certificate, run on the same broken machine with the same
// exit codes, output, step results and changes.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { diffSnapshots, type PsMachine } from "../../support/simulated-windows-ps.js";
import { repoRoot } from "../../support/pwsh.js";
import { makeThrowawayCert } from "../../support/throwaway-cert.js";
import { signingTest } from "../../support/signing-gate.js";
import { pwshTest } from "../pwsh-gate.js";
import * as kb2328240 from "./kb2328240-machine.js";
import * as kb822798 from "./kb822798-machine.js";
import * as kb977203 from "./kb977203-machine.js";
import { onMachine, resultOf } from "./scenario.js";
import { tempDir } from "../../support/temp-dir.js";

const signing = signingTest("the signed-script scenarios");
const run = signing === test ? pwshTest : signing;

const signedOut = tempDir("kbfix-signed-run-");

function signCopyOfOut(): void {
  cpSync(join(repoRoot, "out"), signedOut, { recursive: true });
  const cert = makeThrowawayCert();
  try {
    const cli = join(repoRoot, "dist", "bundle", "cli.js");
    const signed = spawnSync(
      process.execPath,
      [cli, "sign", signedOut, "--cert", cert.certFile, "--key", cert.keyFile],
      { encoding: "utf8" },
    );
    assert.is(signed.status, 0, signed.stderr);
  } finally {
    cert.cleanup();
  }
}

const CASES: [string, () => PsMachine, Record<string, unknown>][] = [
  [kb2328240.ID, () => kb2328240.broken(), {}],
  [kb822798.ID, () => kb822798.broken(), {}],
  [kb977203.ID, () => kb977203.broken(), kb977203.PARAMS],
];

async function observe(
  id: string,
  build: () => PsMachine,
  params: Record<string, unknown>,
  folder: string,
) {
  return onMachine(build, async (machine) => {
    const before = machine.snapshot();
    const scripts = [`${id}.detect.ps1`, `${id}.ps1`, `${id}.detect.ps1`].map((name) => ({
      script: join(folder, id, name),
      params,
    }));
    const runs = await machine.runAll(scripts);
    const steps = resultOf(machine, id).results.map(
      (r) => `${r.id} ${r.status} ${r.before} -> ${r.after}`,
    );
    // Times differ between two machines built a moment apart; nothing else may.
    const recaps = runs.map((r) => r.recap.replace(/\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?/g, "<time>"));
    return {
      codes: runs.map((r) => r.code),
      recaps,
      errors: runs.map((r) => r.errors),
      steps,
      changes: diffSnapshots(before, machine.snapshot()),
    };
  });
}

run("each playbook's signed scripts behave exactly as the unsigned ones", async () => {
  signCopyOfOut();
  for (const [id, build, params] of CASES) {
    assert.match(
      readFileSync(join(signedOut, id, `${id}.ps1`), "latin1"),
      "# SIG # Begin signature block",
    );
    const unsigned = await observe(id, build, params, join(repoRoot, "out"));
    const signed = await observe(id, build, params, signedOut);
    assert.equal(signed, unsigned, id);
    assert.equal(unsigned.codes.slice(0, 1), [1], `${id} starts broken`);
  }
});

test.after(() => rmSync(signedOut, { recursive: true, force: true }));
test.run();
