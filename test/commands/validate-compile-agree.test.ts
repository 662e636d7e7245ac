// `kbfix validate` and `kbfix compile` run the same checks: over a set of bad playbooks
// they exit alike and report the same errors at the same places, every one at the value
// that causes it (never the playbook's first line or its id), without validate loading
// the back end (test/architecture/layers.test.ts keeps emit out of its imports).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../support/temp-dir.js";

const FIXTURE = readFileSync("test/fixtures/kb100001.yaml", "utf8");
const CMD = FIXTURE.replace("targets: [ps1]", "targets: [ps1, cmd]").replace(
  ", default: '%ProgramData%\\Tools'",
  "",
);

/** Each bad playbook, and the text that marks the line its error (or warning) belongs to. */
const CASES: { name: string; yaml: string; at: string }[] = [
  {
    name: "a lone surrogate in a manual step's text",
    yaml: FIXTURE.replace("text: Do this by hand.", 'text: "Do \\uD800 by hand."'),
    at: "Do \\uD800",
  },
  {
    name: "a lone surrogate in a run argument",
    yaml: FIXTURE.replace("args: [log.txt,", 'args: ["log\\uDC00.txt",'),
    at: "log\\uDC00",
  },
  {
    name: "a method title that resembles a signature marker",
    yaml: FIXTURE.replace("title: Method one", "title: 'sig # begin signature block'"),
    at: "sig # begin",
  },
  {
    name: "registry data that resembles a signature marker",
    yaml: FIXTURE.replace("data: value,", "data: 'SIG # End signature block',"),
    at: "SIG # End",
  },
  {
    name: "a value batch cannot carry (a warning: both succeed)",
    yaml: CMD.replace("data: value,", "data: '50%',"),
    at: "50%",
  },
  {
    name: "a schema error",
    yaml: FIXTURE.replace("risk: high", "risk: extreme"),
    at: "risk: extreme",
  },
];

interface Reported {
  code: string;
  severity: string;
  line: number;
  column: number;
}

function kbfix(cwd: string, ...args: string[]): { code: number; diagnostics: Reported[] } {
  const cli = join(process.cwd(), "dist/bundle/cli.js");
  const run = spawnSync(process.execPath, [cli, ...args, "--format", "json"], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const parsed = JSON.parse(run.stdout || "[]");
  const list: Reported[] = Array.isArray(parsed) ? parsed : parsed.diagnostics;
  return { code: run.status ?? -1, diagnostics: list };
}

/** What both commands must agree on: the front end's findings (deployment warnings are compile's own). */
const shared = (ds: Reported[]) =>
  ds
    .filter((d) => !d.code.startsWith("deploy-"))
    .map((d) => `${d.severity} ${d.code}@${d.line}:${d.column}`)
    .sort();

for (const { name, yaml, at } of CASES) {
  test(`validate and compile agree: ${name}`, () => {
    const dir = tempDir("kbfix-agree-");
    try {
      mkdirSync(join(dir, "playbooks"));
      writeFileSync(join(dir, "playbooks", "kb100001.yaml"), yaml);
      const line = yaml.split("\n").findIndex((l) => l.includes(at)) + 1;
      assert.ok(line > 0, `marker '${at}' not found`);
      const validate = kbfix(dir, "validate", "playbooks/kb100001.yaml");
      const compile = kbfix(dir, "compile", "playbooks/kb100001.yaml", "--out", "out");
      assert.is(compile.code, validate.code, "exit codes");
      assert.equal(shared(compile.diagnostics), shared(validate.diagnostics));
      const flagged = compile.diagnostics.filter(
        (d) => d.severity === "error" || d.code === "cmd-unsafe-value",
      );
      assert.ok(flagged.length > 0, "the bad value is reported");
      for (const d of flagged) assert.is(d.line, line, `${d.code} at line ${d.line}, not ${line}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test.run();
