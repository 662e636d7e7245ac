// The ConfigMgr application's content is one folder that ConfigMgr copies to the client, and its
// program is the launcher, which starts files beside itself: the remediation, or where Windows
// PowerShell 5.1 is missing the batch remediation (else it exits 2). So the descriptor's content
// list, the README's and the launcher's files must be the same, with and without a batch target.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { dump } from "js-yaml";
import { analyzeBytes, analyzePlaybook, compilePlan } from "../../src/pipeline.js";
import type { EmittedFile } from "../../src/emit/emitted-file.js";
import type { Plan } from "../../src/plan/plan.js";
import { fixturePlaybook } from "../support/fixture-playbook.js";
import { COMMITTED_PLAYBOOKS } from "../support/runtime-sources.js";

const shipped = COMMITTED_PLAYBOOKS.map((path) => analyzePlaybook(path).plan!);

function withoutBatch(): Plan {
  const playbook = fixturePlaybook({
    id: "kb100007",
    title: "A playbook without a batch target",
    summary: "Sets one value, in PowerShell only.",
    targets: ["ps1"],
    steps: [
      {
        id: "s",
        kind: "registry-value",
        key: "HKLM\\Software\\X",
        name: "A",
        type: "dword",
        data: 1,
      },
    ],
  });
  const analysis = analyzeBytes("kb100007.yaml", Buffer.from(dump(playbook), "utf8"));
  assert.ok(analysis.plan, JSON.stringify(analysis.diagnostics));
  return analysis.plan;
}

const text = (files: EmittedFile[], path: string): string => {
  const file = files.find((f) => f.path === path);
  assert.ok(file, `${path} is emitted`);
  return file.bytes.toString("latin1");
};

/** Every file the launcher starts or looks for beside itself (%~dp0<name>). */
const launcherFiles = (launcher: string): string[] =>
  [...new Set([...launcher.matchAll(/%~dp0([^"\s]+)/g)].map((m) => m[1]!))].sort();

function contentOf(plan: Plan) {
  const files = compilePlan(plan);
  const descriptor = JSON.parse(text(files, `${plan.id}/deploy/configmgr-application.json`));
  return {
    files,
    content: (descriptor.deploymentType.contentFiles as { path: string }[]).map((f) => f.path),
    program: descriptor.deploymentType.installCommand as string,
  };
}

test("the application's content is the launcher and every file it starts beside itself", () => {
  const plans = [...shipped, withoutBatch()];
  assert.ok(
    plans.some((p) => p.targets.includes("cmd")) && plans.some((p) => !p.targets.includes("cmd")),
  );
  for (const plan of plans) {
    const { files, content, program } = contentOf(plan);
    const started = launcherFiles(text(files, `${plan.id}/${program}`));
    assert.equal([...content].sort(), [...started, program].sort(), plan.id);
    for (const name of content)
      assert.ok(
        files.some((f) => f.path === `${plan.id}/${name}`),
        name,
      );
    const batch = `${plan.id}.fix.cmd`;
    assert.is(content.includes(batch), plan.targets.includes("cmd"), `${plan.id}: ${batch}`);
  }
});

test("the README's application paragraph names exactly the content files", () => {
  for (const plan of [...shipped, withoutBatch()]) {
    const { files, content } = contentOf(plan);
    const line = text(files, `${plan.id}/README.md`)
      .split("\n")
      .find((l) => l.includes("describes a script deployment type"));
    assert.ok(line, `${plan.id}: application paragraph`);
    const listed = /content = (.*?) \(one folder/.exec(line)![1]!;
    assert.equal(
      [...listed.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.trim()),
      content,
      plan.id,
    );
  }
});

test.run();
