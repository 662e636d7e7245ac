// The committed playbooks: valid, with the editor schema line, and faithful to
// the corrections recorded in docs/kb-facts.md that are easy to get wrong.
import type { RunArgument } from "../src/steps/run.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { analyzePlaybook } from "../src/pipeline.js";
import { allProbes, allSteps } from "../src/plan/walk.js";
import type { PlanProbeBase } from "../src/evidence/evidence-kind.js";
import { compareVersions } from "../src/model/nt-version.js";

const IDS = ["kb2328240", "kb822798", "kb971058", "kb977203"];
const plans = Object.fromEntries(IDS.map((id) => [id, analyzePlaybook(`playbooks/${id}.yaml`)]));

for (const id of IDS) {
  test(`${id}: no errors, schema line first`, () => {
    const a = plans[id]!;
    assert.equal(
      a.diagnostics.filter((d) => d.severity === "error"),
      [],
    );
    assert.ok(
      readFileSync(`playbooks/${id}.yaml`, "utf8").startsWith(
        "# yaml-language-server: $schema=./playbook.schema.json\n",
      ),
    );
  });
}

test("kb822798: all 11 methods in the article's order, 11 as manual guidance", () => {
  const plan = plans.kb822798!.plan!;
  assert.equal(
    plan.methods.map((m) => m.kbMethod),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  );
  assert.equal(
    plan.methods[10]!.steps.map((s) => s.kind),
    ["manual"],
  );
  assert.is(plan.strategy, "escalate");
});

test("kb822798: method 3 registers the crypto DLLs, without the WGA line", () => {
  const m3 = plans.kb822798!.plan!.methods[2]!;
  const dlls = m3.steps.flatMap((s) =>
    s.kind === "register-dlls" ? s.dlls.map((d) => d.segments.at(-1)!.toLowerCase()) : [],
  );
  for (const dll of [
    "softpub.dll",
    "wintrust.dll",
    "initpki.dll",
    "dssenh.dll",
    "rsaenh.dll",
    "gpkcsp.dll",
    "sccbase.dll",
    "slbcsp.dll",
    "mssip32.dll",
    "cryptdlg.dll",
  ])
    assert.ok(dlls.includes(dll), dll);
  assert.not.ok(dlls.some((d) => d.includes("legitcheck")));
});

test("kb822798: oem*.* deletion is high risk and never on NT 6.0 or later", () => {
  const plan = plans.kb822798!.plan!;
  const visits = allSteps(plan).filter(
    (v) => v.step.kind === "delete-files" && /oem/i.test(v.step.pattern),
  );
  assert.ok(visits.length > 0);
  for (const { method } of visits) {
    assert.is(method.risk, "high");
    assert.ok(
      method.applies.windows?.max && compareVersions(method.applies.windows.max, "6.0") < 0,
    );
  }
});

test("kb822798: catroot is never renamed, only catroot2", () => {
  const renames = allSteps(plans.kb822798!.plan!)
    .filter((v) => v.step.kind === "rename")
    .map((v) => (v.step.kind === "rename" ? v.step.path.segments.at(-1)!.toLowerCase() : ""));
  assert.ok(renames.includes("catroot2"));
  assert.not.ok(renames.includes("catroot"));
});

test("kb822798: WindowsUpdate.log up to NT 6.3, the same HRESULTs in the client's events from NT 10.0", () => {
  const probes = allProbes(plans.kb822798!.plan!.detection) as (PlanProbeBase &
    Record<string, unknown>)[];
  const log = probes.find((p) => p.id === "windowsupdate-log-trust-errors")!;
  const events = probes.find((p) => p.id === "wu-client-trust-error-events")!;
  assert.is(log.applies?.windows?.max, "6.3");
  assert.is(events.applies?.windows?.min, "10.0");
  assert.is(events.log, "Microsoft-Windows-WindowsUpdateClient/Operational");
  assert.is(events.dataMatch, "any");
  assert.equal(events.dataTokens, log.tokens);
  assert.ok((log.tokens as string[]).includes("0x800B0109"));
});

test("kb2328240: per-user cache clearing covers the service profiles", () => {
  const perUser = allSteps(plans.kb2328240!.plan!).filter((v) => v.step.kind === "per-user");
  assert.ok(perUser.some((v) => v.step.kind === "per-user" && v.step.includeServiceProfiles));
});

test("kb977203: applies only where a ConfigMgr client is installed", () => {
  assert.is(plans.kb977203!.plan!.applies.product?.id, "configmgr-client");
});

// The article's step 6, in its order (docs: "Reset Windows Update components manually").
const KB971058_DLLS = [
  "atl.dll",
  "urlmon.dll",
  "mshtml.dll",
  "shdocvw.dll",
  "browseui.dll",
  "jscript.dll",
  "vbscript.dll",
  "scrrun.dll",
  "msxml.dll",
  "msxml3.dll",
  "msxml6.dll",
  "actxprxy.dll",
  "softpub.dll",
  "wintrust.dll",
  "dssenh.dll",
  "rsaenh.dll",
  "gpkcsp.dll",
  "sccbase.dll",
  "slbcsp.dll",
  "cryptdlg.dll",
  "oleaut32.dll",
  "ole32.dll",
  "shell32.dll",
  "initpki.dll",
  "wuapi.dll",
  "wuaueng.dll",
  "wuaueng1.dll",
  "wucltui.dll",
  "wups.dll",
  "wups2.dll",
  "wuweb.dll",
  "qmgr.dll",
  "qmgrprxy.dll",
  "wucltux.dll",
  "muweb.dll",
  "wuwebv.dll",
];
// Step 4.2's descriptors exactly as published.
const KB971058_SDDL: Record<string, string> = {
  bits: "D:(A;CI;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCLCSWLOCRRC;;;IU)(A;;CCLCSWLOCRRC;;;SU)",
  wuauserv:
    "D:(A;;CCLCSWRPLORC;;;AU)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)",
};

const kb971058Rungs = () => {
  const plan = plans.kb971058!.plan!;
  return plan.methods.map((m) => ({
    method: m,
    steps: allSteps(plan).filter((v) => v.method === m),
  }));
};
const literals = (step: { args: RunArgument[] }) =>
  step.args.map((a) =>
    "literal" in a ? a.literal : "parameter" in a ? `<${a.parameter}>` : a.written,
  );

test("kb971058: two rungs, escalate; the first medium risk, the second (step 4) high risk", () => {
  const plan = plans.kb971058!.plan!;
  assert.is(plan.strategy, "escalate");
  assert.equal(
    plan.methods.map((m) => [m.id, m.kbMethod, m.risk, m.reboot]),
    [
      ["reset-without-step-4", 1, "medium", "soft"],
      ["reset-with-step-4", 2, "high", "soft"],
    ],
  );
});

test("kb971058: both rungs register the article's 36 DLLs in its order", () => {
  for (const { method, steps } of kb971058Rungs()) {
    const lists = steps.flatMap(({ step }) =>
      step.kind === "register-dlls" ? [step.dlls.map((d) => d.segments.at(-1)!.toLowerCase())] : [],
    );
    assert.equal(lists, [KB971058_DLLS], method.id);
  }
});

test("kb971058: step 4 (renames, sdset) only in rung 2, the SDDLs as published, each verified", () => {
  const [first, second] = kb971058Rungs();
  const step4 = (v: { step: { kind: string; args?: unknown } }) =>
    v.step.kind === "rename" ||
    (v.step.kind === "run" && literals(v.step as never).includes("sdset"));
  assert.equal(first!.steps.filter(step4), []);
  const renames = second!.steps.flatMap(({ step }) =>
    step.kind === "rename" ? [`${step.path.segments.slice(-2).join("\\")} -> ${step.newName}`] : [],
  );
  assert.equal(renames.length, 3);
  for (const folder of ["DataStore", "Download", "catroot2"])
    assert.ok(
      renames.some((r) => r.endsWith(`\\${folder} -> ${folder}.bak`)),
      `${folder}: ${renames.join("; ")}`,
    );
  const sdsets = second!.steps.flatMap(({ step }) =>
    step.kind === "run" && literals(step)[0] === "sdset" ? [step] : [],
  );
  assert.equal(
    sdsets.map((s) => literals(s)),
    [
      ["sdset", "bits", KB971058_SDDL.bits],
      ["sdset", "wuauserv", KB971058_SDDL.wuauserv],
    ],
  );
  for (const s of sdsets) {
    const service = literals(s)[1]!;
    const probe = s.verify?.probe as unknown as {
      kind: string;
      args: string[];
      cleanTokens: string[];
    };
    assert.is(probe.kind, "command", service);
    assert.equal(probe.args, ["sdshow", service]);
    assert.equal(probe.cleanTokens, [KB971058_SDDL[service]]);
  }
});

test("kb971058: proxycfg only on NT 5.1-5.2, bitsadmin only on NT 6.0, in both rungs", () => {
  for (const { method, steps } of kb971058Rungs()) {
    const ranges = Object.fromEntries(
      steps.flatMap(({ step }) =>
        step.kind === "run" && /proxycfg|bitsadmin/i.test(step.program.segments.at(-1)!)
          ? [[step.program.segments.at(-1)!.toLowerCase(), step.applies?.windows]]
          : [],
      ),
    );
    assert.equal(
      ranges,
      { "proxycfg.exe": { min: "5.1", max: "5.2" }, "bitsadmin.exe": { min: "6.0", max: "6.0" } },
      method.id,
    );
  }
});

test.run();
