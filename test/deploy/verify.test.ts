// `kbfix verify` on a compiled (unsigned) out folder: clean passes; a changed descriptor byte, a
// changed script, an unlisted file and a descriptor out of step with its scripts all fail.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { appendFileSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { verifyOutFolder } from "../../src/deploy/verify-out.js";
import { tempDir } from "../support/temp-dir.js";

function copyOut(): string {
  const dir = tempDir("kbfix-verify-");
  cpSync("out", dir, { recursive: true });
  return dir;
}

const messages = (dir: string) =>
  verifyOutFolder(dir).problems.map((p) => `${p.path}: ${p.message}`);

test("the committed out/ verifies", () => {
  const { folders, problems } = verifyOutFolder("out");
  assert.is(folders, 4);
  assert.equal(problems, []);
});

test("one changed byte in a descriptor: its hash, and it no longer is what its scripts give", () => {
  const dir = copyOut();
  const file = join(dir, "kb822798/deploy/intune-remediation.json");
  writeFileSync(
    file,
    readFileSync(file, "utf8").replace('"runAs32Bit": false', '"runAs32Bit": true '),
  );
  assert.equal(messages(dir), [
    "kb822798/deploy/intune-remediation.json: SHA-256 differs from manifest.json",
    "kb822798/deploy/intune-remediation.json: does not match the scripts it carries",
  ]);
});

test("a changed script: its hash, and every descriptor that carries it", () => {
  const dir = copyOut();
  appendFileSync(join(dir, "kb977203/kb977203.detect.ps1"), "# extra\r\n");
  assert.equal(messages(dir), [
    "kb977203/kb977203.detect.ps1: SHA-256 differs from manifest.json",
    "kb977203/deploy/intune-remediation.json: does not match the scripts it carries",
  ]);
});

test("an unlisted file", () => {
  const dir = copyOut();
  writeFileSync(join(dir, "kb2328240/deploy/extra.ps1"), "Write-Output 1\r\n");
  assert.equal(messages(dir), ["kb2328240/deploy/extra.ps1: not listed in manifest.json"]);
});

test("a changed runtime line: the file's hash, and the runtime hash on its marker line", () => {
  const dir = copyOut();
  const file = join(dir, "kb2328240/kb2328240.ps1");
  writeFileSync(
    file,
    readFileSync(file, "latin1").replace("function Write-KbLog {", "function Write-KbLoG {"),
    "latin1",
  );
  const found = messages(dir).filter((m) => m.startsWith("kb2328240/kb2328240.ps1"));
  assert.is(found[0], "kb2328240/kb2328240.ps1: SHA-256 differs from manifest.json");
  assert.match(found[1] ?? "", /its runtime does not match the SHA-256 on its marker line/);
});

test("a changed batch runtime line: the file's hash, and the runtime hash on its marker line", () => {
  const dir = copyOut();
  const file = join(dir, "kb977203/kb977203.fix.cmd");
  const script = readFileSync(file, "latin1");
  assert.ok(script.includes("\r\n:kb_log\r\n"));
  writeFileSync(file, script.replace("\r\n:kb_log\r\n", "\r\n:kb_Log\r\n"), "latin1");
  assert.equal(messages(dir).slice(0, 2), [
    "kb977203/kb977203.fix.cmd: SHA-256 differs from manifest.json",
    "kb977203/kb977203.fix.cmd: its runtime does not match the SHA-256 on its marker line " +
      `(${/sha256 ([0-9a-f]{64}) ====/.exec(script)![1]})`,
  ]);
});

test.run();
