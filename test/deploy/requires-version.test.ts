// Every PowerShell script a route runs refuses a PowerShell older than 5.1 by #Requires, right
// after the generated header, before any statement: the remediation, the Intune detection, the
// ConfigMgr application detection and the configuration item's discovery script (why each
// wants it: docs/deployment.md, "#Requires -Version 5.1"). Checked on the shipped out/ folder.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const OUT = "out";
const ids = readdirSync(OUT).filter((name) => /^kb\d+$/.test(name));

/** The application detection is written only when it fits its route's limit. */
const routeScripts = (id: string): string[] => [
  join(OUT, id, `${id}.ps1`),
  join(OUT, id, `${id}.detect.ps1`),
  join(OUT, id, "deploy", `${id}.discovery.ps1`),
  ...[join(OUT, id, "deploy", `${id}.appdetect.ps1`)].filter(existsSync),
];

test("remediation, detection, application detection and discovery each require 5.1 first", () => {
  assert.ok(ids.length > 0, "compiled playbooks in out/");
  for (const id of ids) {
    for (const path of routeScripts(id)) {
      const lines = readFileSync(path, "latin1").split("\r\n");
      const at = lines.findIndex((l) => /^#requires\b/i.test(l));
      assert.ok(at >= 4 && at < 10, `${path}: #Requires at line ${at + 1}`);
      assert.is(lines[at], "#Requires -Version 5.1", path);
      assert.ok(
        lines.slice(0, at).every((l) => l.startsWith("# ")),
        `${path}: only comments before it`,
      );
    }
  }
});

test.run();
