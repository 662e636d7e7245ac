// manifest.json lists every committed script that carries a runtime section, with the hash its
// marker line states, and no other: a reviewer checks each runtime by the manifest.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findRuntimeSection } from "../../src/emit/runtime-marker.js";
import { COMMITTED_IDS } from "../support/runtime-sources.js";

function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

for (const id of COMMITTED_IDS)
  test(`${id}: manifest.json lists exactly the scripts with a runtime section`, () => {
    const dir = join("out", id);
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    const listed = new Map<string, string>(
      manifest.runtime.scripts.map((s: { path: string; sha256: string }) => [s.path, s.sha256]),
    );
    const carrying = new Map<string, string>();
    for (const file of filesUnder(dir).filter((f) => /\.(ps1|cmd)$/.test(f))) {
      const found = findRuntimeSection(readFileSync(join(dir, file), "latin1"));
      if (found) carrying.set(file.replace(/\\/g, "/"), found.claimed);
    }
    assert.ok(carrying.size >= 4, [...carrying.keys()].join(", "));
    assert.ok(carrying.has(`${id}.fix.cmd`), "the batch script's runtime");
    assert.equal(listed, carrying);
  });

test.run();
