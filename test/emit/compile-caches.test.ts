// The work compile keeps between playbooks or files (runtime blocks encoded once, the base64 of a
// runtime block, hashes within one emit) changes no byte: each cache against the plain path,
// a buffer changed in place after caching, and playbooks compiled one after another in one
// process against each compiled alone.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  EmitError,
  encodeBlock,
  placedBlock,
  toScriptBytes,
  toScriptBytesAround,
} from "../../src/emit/bytes.js";
import { sha256Hex, sharingHashes } from "../../src/emit/emitted-file.js";
import { writeScriptBase64 } from "../../src/deploy/base64-bytes.js";
import { base64Length } from "../../src/model/base64-length.js";
import { analyzePlaybook, compilePlan } from "../../src/pipeline.js";
import { tempDir } from "../support/temp-dir.js";

const RUNTIME =
  "rem ==== kbfix runtime ====\n:kb_runtime\nrem one\n\n\n\nrem two\nexit /b 0\nrem ==== end ====";

/** A script made around a block must equal the general path on the joined text, bytes or error. */
function outcome(make: () => Buffer): string {
  try {
    return make().toString("latin1");
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

test("a batch runtime block (rem markers) is encoded once, and only when framed and plain", () => {
  assert.ok(encodeBlock(RUNTIME).bytes);
  assert.not.ok(encodeBlock(":kb_x\nexit /b 0").bytes, "no marker lines");
  assert.not.ok(encodeBlock(RUNTIME.replace("one", "caf\u00e9")).bytes, "not ASCII");
});

test("script bytes around a batch block equal the general path on the joined text", () => {
  const block = encodeBlock(RUNTIME);
  const cases: [string, string][] = [
    ["", ""],
    ["\n\n\n", "\n\n\n"],
    ["@echo off\n\n\n\n", "\n"],
    ["echo no line end ", "rem after\n"],
    ["rem sig # begin\n", " signature block\n"],
    ["rem tab\there\n", ""],
    ["rem crlf\r\n", "x\r\n"],
    ["rem caf\u00e9\n", ""],
  ];
  for (const [before, after] of cases)
    assert.is(
      outcome(() => toScriptBytesAround("t.cmd", before, block, after)),
      outcome(() => toScriptBytes("t.cmd", before + RUNTIME + after)),
      JSON.stringify([before, after]),
    );
  assert.throws(
    () => toScriptBytesAround("t.cmd", "rem sig # begin signature block\n", block, ""),
    (error: unknown) => error instanceof EmitError,
  );
});

/** A script made as compile makes a .ps1: a head, a framed block, a tail. */
function scriptWithBlock(headLength: number): Buffer {
  const block = encodeBlock("# ==== kbfix runtime ====\nfunction F { 'x' }\n# ==== end ====");
  const head = "# head\n" + "x".repeat(headLength) + "\n";
  return toScriptBytesAround("t.ps1", head, block, "\n# tail\n");
}

test("the base64 of a script holding a block equals Buffer's, at every phase, and after a change", () => {
  for (const headLength of [0, 1, 2, 3, 4, 5, 100]) {
    const bytes = scriptWithBlock(headLength);
    const at = placedBlock(bytes)?.at;
    assert.ok(at !== undefined, "the block is known");
    for (let twice = 0; twice < 2; twice++) {
      const out = Buffer.alloc(base64Length(bytes.length) + 2);
      const end = writeScriptBase64(bytes, out, 1);
      assert.is(out.subarray(1, end).toString("latin1"), bytes.toString("base64"));
    }
    bytes[at! + 5] = 0x41; // in the block: the cached groups no longer apply
    assert.not.ok(placedBlock(bytes), "a changed block is not taken for the one placed");
    const out = Buffer.alloc(base64Length(bytes.length));
    writeScriptBase64(bytes, out, 0);
    assert.is(out.toString("latin1"), bytes.toString("base64"));
  }
});

test("hashes are shared within one emit only: a buffer changed afterwards hashes anew", () => {
  const bytes = Buffer.from("first");
  const hex = (b: Buffer) => createHash("sha256").update(b).digest("hex");
  assert.is(
    sharingHashes(() => sha256Hex(bytes) + sha256Hex(bytes)),
    hex(bytes) + hex(bytes),
  );
  bytes.write("other");
  assert.is(sha256Hex(bytes), hex(bytes));
  assert.is(
    sharingHashes(() => sha256Hex(bytes)),
    hex(bytes),
  );
});

test("a plan changed and compiled again gets new admin headers (rendered once per emit)", () => {
  const plan = analyzePlaybook("playbooks/kb977203.yaml").plan!;
  const admin = (files: { path: string; bytes: Buffer }[]) =>
    files.filter((f) => /deploy\/New-.*\.ps1$/.test(f.path)).map((f) => f.bytes.toString("latin1"));
  const before = admin(compilePlan(plan));
  assert.ok(before.length >= 2 && before.every((t) => t.includes(plan.sha256)));
  const changed = { ...plan, sha256: "0".repeat(64) };
  const after = admin(compilePlan(changed));
  assert.ok(after.every((t) => t.includes(changed.sha256) && !t.includes(plan.sha256)));
  assert.equal(admin(compilePlan(plan)), before);
});

/** Path and SHA-256 of every file compiled from `file`, in a process of its own. */
function compiledAlone(file: string): [string, string][] {
  const script = `
    const { analyzePlaybook, compilePlan } = await import(${JSON.stringify(`${process.cwd()}/dist/src/pipeline.js`)});
    const { createHash } = await import("node:crypto");
    const files = compilePlan(analyzePlaybook(${JSON.stringify(file)}).plan);
    console.log(JSON.stringify(files.map((f) => [f.path, createHash("sha256").update(f.bytes).digest("hex")])));
  `;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  return JSON.parse(out) as [string, string][];
}

test("playbooks compiled one after another in one process compile as each does alone", () => {
  const dir = tempDir("kbfix-caches-");
  try {
    const copy = join(dir, "kb822798-copy.yaml");
    const text = readFileSync("playbooks/kb822798.yaml", "utf8");
    writeFileSync(copy, text.replace(/^id: kb822798$/m, "id: kb822798-copy"));
    const files = [
      "playbooks/kb977203.yaml",
      "playbooks/kb822798.yaml",
      copy,
      "playbooks/kb2328240.yaml",
    ];
    const together = files.map((f) =>
      compilePlan(analyzePlaybook(f).plan!).map((c) => [c.path, sha256Hex(c.bytes)]),
    );
    for (const [i, f] of [files[1]!, files[2]!].entries())
      assert.equal(together[i + 1], compiledAlone(f), f);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
