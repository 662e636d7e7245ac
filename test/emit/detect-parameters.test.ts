// A detection script declares only the playbook parameters its evidence reads; the remediation
// declares them all. KB822798's certificate files are method 8's alone.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { analyzePlaybook, compilePlan } from "../../src/pipeline.js";

function declared(path: string, files: { path: string; bytes: Buffer }[]): string[] {
  const text = files.find((f) => f.path === path)!.bytes.toString("latin1");
  const block = text.slice(text.indexOf("\nparam("), text.indexOf("\n)\r\n"));
  return [...block.matchAll(/\$([A-Za-z]+)/g)].map((m) => m[1]!);
}

test("kb822798: the certificate parameters are the remediation's, not the detection's", () => {
  const plan = analyzePlaybook("playbooks/kb822798.yaml").plan!;
  const files = compilePlan(plan);
  const certificates = plan.parameters.map((p) => p.name);
  assert.ok(certificates.length >= 4);
  assert.ok(certificates.every((n) => declared("kb822798/kb822798.ps1", files).includes(n)));
  assert.equal(declared("kb822798/kb822798.detect.ps1", files), ["LogPath"]);
});

test.run();
