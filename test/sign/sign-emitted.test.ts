// The compiled scripts themselves, signed for real through `kbfix sign` with a
// throwaway certificate: verified, still parsing, body unchanged, manifest
// updated, and one changed byte makes verification fail.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { verifyOut } from "../../src/sign/sign-out.js";
import { signingMissing, signingTest } from "../support/signing-gate.js";
import { makeThrowawayCert } from "../support/throwaway-cert.js";
import { parsePowerShell } from "../support/powershell-parser.js";
import { tempDir } from "../support/temp-dir.js";

const signTest = signingTest("signing of emitted scripts");
const missing = signingMissing;

const out = tempDir("kbfix-signed-out-");
cpSync("out", out, { recursive: true });
const cert = missing ? undefined : makeThrowawayCert();
const ps1s = readdirSync(out).flatMap((id) =>
  readdirSync(join(out, id), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ps1"))
    .map((f) => join(out, id, f)),
);
const before = new Map(ps1s.map((p) => [p, readFileSync(p)]));

signTest("kbfix sign signs every .ps1 and verifies it", () => {
  const run = spawnSync(
    process.execPath,
    [
      "dist/bundle/cli.js",
      "sign",
      out,
      "--cert",
      cert!.certFile,
      "--key",
      cert!.keyFile,
      "--verify",
      cert!.certFile,
    ],
    { encoding: "utf8" },
  );
  assert.is(run.status, 0, run.stderr);
  assert.is(run.stdout.trim().split("\n").length, ps1s.length);
  assert.ok(verifyOut(out, cert!.certFile).every((v) => v.ok));
});

signTest(
  "signing changes nothing before the signature block, and the result still parses",
  async () => {
    for (const [path, original] of before) {
      const signed = readFileSync(path);
      assert.ok(signed.subarray(0, original.length).equals(original), path);
      assert.match(
        signed.subarray(original.length).toString("ascii"),
        /^\r\n# SIG # Begin signature block\r\n/,
      );
      assert.equal((await parsePowerShell(signed.toString("ascii"))).errors, [], path);
    }
  },
);

signTest("the manifests record the signed hashes", () => {
  for (const id of readdirSync(out)) {
    const manifest = JSON.parse(readFileSync(join(out, id, "manifest.json"), "utf8"));
    const shipped = readdirSync(join(out, id), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ps1"))
      .sort();
    assert.ok(shipped.includes(`${id}.ps1`) && shipped.includes("deploy/New-CMDeployment.ps1"));
    assert.equal(manifest.signed.map((s: { path: string }) => s.path).sort(), shipped);
  }
});

signTest("the deployment descriptors carry the signed bytes, and kbfix verify passes", () => {
  for (const id of readdirSync(out)) {
    const body = JSON.parse(readFileSync(join(out, id, "deploy/intune-remediation.json"), "utf8"));
    assert.is(body.enforceSignatureCheck, true);
    assert.ok(
      Buffer.from(body.detectionScriptContent, "base64").equals(
        readFileSync(join(out, id, `${id}.detect.ps1`)),
      ),
    );
    assert.ok(
      Buffer.from(body.remediationScriptContent, "base64").equals(
        readFileSync(join(out, id, `${id}.ps1`)),
      ),
    );
    const manifest = JSON.parse(readFileSync(join(out, id, "manifest.json"), "utf8"));
    assert.ok(
      manifest.resealed.some((e: { path: string }) => e.path === "deploy/intune-remediation.json"),
    );
  }
  const verify = spawnSync(process.execPath, ["dist/bundle/cli.js", "verify", out], {
    encoding: "utf8",
  });
  assert.is(verify.status, 0, verify.stderr);
});

signTest("one changed byte in a descriptor fails kbfix verify", () => {
  const id = readdirSync(out)[0]!;
  const descriptor = join(out, id, "deploy/configmgr-configuration-item.json");
  const original = readFileSync(descriptor);
  const bytes = Buffer.from(original);
  const at = bytes.indexOf("Compliant");
  bytes[at] = 0x63; // "compliant"
  writeFileSync(descriptor, bytes);
  const verify = spawnSync(process.execPath, ["dist/bundle/cli.js", "verify", out], {
    encoding: "utf8",
  });
  writeFileSync(descriptor, original);
  assert.is(verify.status, 1);
  assert.match(verify.stderr, /configmgr-configuration-item\.json: SHA-256 differs/);
});

signTest("one changed byte in a signed script fails verification", () => {
  const victim = ps1s[0]!;
  const bytes = readFileSync(victim);
  bytes[10] = bytes[10] === 0x41 ? 0x42 : 0x41;
  writeFileSync(victim, bytes);
  const results = verifyOut(out, cert!.certFile);
  assert.is(results.filter((r) => !r.ok).length, 1);
  const verify = spawnSync(process.execPath, ["dist/bundle/cli.js", "verify", out], {
    encoding: "utf8",
  });
  assert.is(verify.status, 1);
  assert.match(verify.stderr, /SHA-256 differs from manifest\.json/);
});

test.run();
