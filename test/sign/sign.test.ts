import { test } from "uvu";
import * as assert from "uvu/assert";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { SignError, signOut, verifyOut } from "../../src/sign/sign-out.js";
import { locateOsslsigncode } from "../../src/sign/osslsigncode.js";
import { makeThrowawayCert, type ThrowawayCert } from "../support/throwaway-cert.js";
import { tempDir } from "../support/temp-dir.js";

const BODY = [
  "# kbfix fixture",
  "$ErrorActionPreference = 'Stop'",
  'Write-Host "KB5034441: checking WinRE"',
  "exit 0",
  "",
].join("\r\n");
const BLOCK =
  /^\r\n# SIG # Begin signature block\r\n(# [A-Za-z0-9+/=]{1,64}\r\n)+# SIG # End signature block\r\n$/;

function available(): string | null {
  try {
    locateOsslsigncode();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

const missing = available();
const signTest = missing === null ? test : test.skip;
if (missing !== null && process.env.CI === "true") {
  test("osslsigncode is installed in CI", () => assert.unreachable(missing));
} else if (missing !== null) {
  console.log(`skipping osslsigncode tests: ${missing}`);
}

let cert: ThrowawayCert | undefined;
const tmps: string[] = [];
function certs(): ThrowawayCert {
  return (cert ??= makeThrowawayCert());
}
test.after(() => {
  cert?.cleanup();
  for (const dir of tmps) rmSync(dir, { recursive: true, force: true });
});

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

/** out/pb1 with a manifest and two scripts, out/pb2 without a manifest. */
function makeOut(): string {
  const out = tempDir("kbfix-out-");
  tmps.push(out);
  write(out, "pb1/run.ps1", BODY);
  write(out, "pb1/sub/check.ps1", BODY.replace("exit 0", "exit 1"));
  write(out, "pb2/fix.ps1", BODY);
  const manifest = {
    id: "pb1",
    files: [{ path: "run.ps1", sha256: sha256(BODY) }],
    signed: [{ path: "old.ps1", sha256: "00" }],
    zlast: true,
  };
  write(out, "pb1/manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  return out;
}

function write(root: string, rel: string, text: string | Buffer): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

function snapshot(root: string): Record<string, string> {
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  return Object.fromEntries(
    entries.map((d) => {
      const path = join(d.parentPath ?? d.path, d.name);
      return [path, d.isFile() ? sha256(readFileSync(path)) : "dir"];
    }),
  );
}

const keyPair = () => ({ certFile: certs().certFile, keyFile: certs().keyFile });
const unused = { certFile: "unused.pem", keyFile: "unused.key" }; // the tool check comes first
const pfx = () => ({ pfxFile: certs().pfxFile, pass: certs().pfxPass });

test("a missing osslsigncode gives a SignError with the install hint", () => {
  const out = makeOut();
  const before = snapshot(out);
  const err = catchError(() => signOut(out, unused, { tool: "/nonexistent/osslsigncode" }));
  assert.instance(err, SignError);
  assert.match(err.message, "osslsigncode is not installed at /nonexistent/osslsigncode");
  assert.match(err.message, "apt-get install osslsigncode");
  const saved = process.env.KBFIX_OSSLSIGNCODE;
  process.env.KBFIX_OSSLSIGNCODE = "/nonexistent/bin/osslsigncode";
  try {
    assert.throws(
      () => verifyOut(out),
      (e: Error) => e instanceof SignError && /apt-get/.test(e.message),
    );
  } finally {
    if (saved === undefined) delete process.env.KBFIX_OSSLSIGNCODE;
    else process.env.KBFIX_OSSLSIGNCODE = saved;
  }
  assert.equal(snapshot(out), before);
});

test("an osslsigncode older than 2.8 is refused with the hint", () => {
  const dir = tempDir("kbfix-tool-");
  tmps.push(dir);
  write(dir, "osslsigncode", "#!/bin/sh\necho 'osslsigncode 2.5, using:'\n");
  chmodSync(join(dir, "osslsigncode"), 0o755);
  const err = catchError(() => signOut(makeOut(), unused, { tool: join(dir, "osslsigncode") }));
  assert.instance(err, SignError);
  assert.match(err.message, "osslsigncode 2.5 at");
  assert.match(err.message, "is too old: apt-get install osslsigncode");
});

signTest("cert+key: signs every .ps1 and verify is ok against the self-signed cert", () => {
  const out = makeOut();
  const results = signOut(out, keyPair());
  assert.equal(
    results.map((r) => r.path),
    ["pb1/run.ps1", "pb1/sub/check.ps1", "pb2/fix.ps1"],
  );
  const run = results[0]!;
  assert.is(run.sha256Before, sha256(BODY));
  assert.is(run.sha256After, sha256(readFileSync(join(out, "pb1/run.ps1"))));
  const verified = verifyOut(out, certs().certFile);
  assert.ok(
    verified.every((v) => v.ok),
    JSON.stringify(verified),
  );
  assert.is(verified[0]!.message, "Signature verification: ok");
});

signTest("the body is byte-identical and the file stays ASCII + CRLF", () => {
  const out = makeOut();
  signOut(out, keyPair());
  const signed = readFileSync(join(out, "pb1/run.ps1"));
  assert.ok(signed.subarray(0, BODY.length).equals(Buffer.from(BODY)));
  const text = signed.toString("latin1");
  assert.ok(BLOCK.test(text.slice(BODY.length)), text.slice(BODY.length, BODY.length + 80));
  assert.ok(/^[\x00-\x7f]*$/.test(text));
  assert.not.ok(/\r(?!\n)|(?<!\r)\n/.test(text));
  assert.ok(text.endsWith("# SIG # End signature block\r\n"));
});

signTest("tampering with one byte of the body fails verification", () => {
  const out = makeOut();
  signOut(out, keyPair());
  const file = join(out, "pb1/run.ps1");
  const bytes = readFileSync(file);
  bytes[BODY.indexOf("0")] = "1".charCodeAt(0); // exit 0 -> exit 1
  writeFileSync(file, bytes);
  const [run, check] = verifyOut(out, certs().certFile);
  assert.equal([run!.path, run!.ok], ["pb1/run.ps1", false]);
  assert.match(run!.message, "MISMATCH");
  assert.ok(check!.ok);
});

signTest("a self-signed cert is not trusted without caCertFile; unsigned files fail", () => {
  const out = makeOut();
  signOut(out, keyPair());
  const [run] = verifyOut(out);
  assert.not.ok(run!.ok);
  assert.match(run!.message, "self-signed certificate");
  write(out, "pb2/unsigned.ps1", BODY);
  const unsigned = verifyOut(out, certs().certFile).find((v) => v.path === "pb2/unsigned.ps1");
  assert.not.ok(unsigned!.ok);
  assert.match(unsigned!.message, "No signature found");
});

signTest("manifest: signed entries added, sorted, old ones kept, rest untouched", () => {
  const out = makeOut();
  const results = signOut(out, keyPair());
  const text = readFileSync(join(out, "pb1/manifest.json"), "utf8");
  const manifest = JSON.parse(text);
  assert.equal(Object.keys(manifest), ["id", "files", "signed", "zlast"]);
  assert.equal(manifest.files, [{ path: "run.ps1", sha256: sha256(BODY) }]);
  assert.equal(manifest.signed, [
    { path: "old.ps1", sha256: "00" },
    { path: "run.ps1", sha256: results[0]!.sha256After },
    { path: "sub/check.ps1", sha256: results[1]!.sha256After },
  ]);
  assert.is(text, `${JSON.stringify(manifest, null, 2)}\n`);
});

signTest("pfx with password works", () => {
  const out = makeOut();
  signOut(out, pfx());
  assert.ok(verifyOut(out, certs().certFile).every((v) => v.ok));
});

signTest("re-signing replaces the old block instead of stacking a second one", () => {
  const out = makeOut();
  const first = signOut(out, keyPair());
  const second = signOut(out, pfx());
  assert.is(second[0]!.sha256Before, first[0]!.sha256After);
  const text = readFileSync(join(out, "pb1/run.ps1"), "latin1");
  assert.is(text.split("# SIG # Begin signature block").length, 2);
  assert.ok(text.startsWith(BODY) && BLOCK.test(text.slice(BODY.length)));
  assert.ok(verifyOut(out, certs().certFile).every((v) => v.ok));
  const signed = JSON.parse(readFileSync(join(out, "pb1/manifest.json"), "utf8")).signed;
  assert.is(
    signed.find((e: { path: string }) => e.path === "run.ps1").sha256,
    second[0]!.sha256After,
  );
});

signTest("any failure leaves the out folder unchanged", () => {
  const out = makeOut();
  write(out, "pb2/zz-lf-only.ps1", "Write-Host 'lf'\n");
  const before = snapshot(out);
  const err = catchError(() => signOut(out, keyPair()));
  assert.instance(err, SignError);
  assert.match(err.message, "pb2/zz-lf-only.ps1: not 7-bit ASCII with CRLF");
  assert.equal(snapshot(out), before);
  rmSync(join(out, "pb2/zz-lf-only.ps1"));
  const wrongPass = catchError(() => signOut(out, { pfxFile: certs().pfxFile, pass: "wrong" }));
  assert.instance(wrongPass, SignError);
  assert.match(wrongPass.message, "Wrong password");
});

signTest("refuses a signature marker that does not end the file", () => {
  const out = makeOut();
  write(out, "pb2/fix.ps1", `${BODY}# SIG # Begin signature block\r\nexit 2\r\n`);
  const err = catchError(() => signOut(out, keyPair()));
  assert.match(err.message, "pb2/fix.ps1: a line starting with");
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}

test.run();
