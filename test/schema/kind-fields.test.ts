// Every property a kind's schema accepts reaches each target the kind declares: an argument of
// its PowerShell call, and an op of its batch declaration (named by the op, or read by a
// whole-record op's reading and encoding, which this test runs on the kind's node from
// test/fixtures/kb100001.yaml and watches), unless the batch declaration lists it in `ignores`
// with why. Without this a property could reach one target and silently not the other.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { cmdEncode, cmdShapeLines } from "../../src/emit/cmd/cmd-encode.js";
import { evidenceKinds } from "../../src/evidence/index.js";
import type { CmdCall, CmdOp } from "../../src/model/cmd-call.js";
import type { PsCall } from "../../src/model/ps-call.js";
import { analyzeBytes } from "../../src/pipeline.js";
import { allProbes, allSteps } from "../../src/plan/walk.js";
import { stepKinds } from "../../src/steps/index.js";

type Fields = Record<string, any>;

interface Kind {
  kind: string;
  properties: Record<string, unknown>;
  targets: { cmd: boolean };
  planFields?: Readonly<Record<string, string>>;
  ps1: PsCall;
  cmd?: CmdCall;
}

const FIXTURE = "test/fixtures/kb100001.yaml";
const plan = analyzeBytes("kb100001.yaml", readFileSync(FIXTURE)).plan!;
const nodes = {
  steps: allSteps(plan).map((v) => v.step as unknown as Fields),
  probes: allProbes(plan.detection) as unknown as Fields[],
};

/** The fields `run` reads of `node` (through a proxy that notes every property read). */
function fieldsRead(node: Fields, run: (record: Fields) => unknown): string[] {
  const read = new Set<string>();
  const proxy = new Proxy(node, {
    get(target, key, receiver) {
      if (typeof key === "string") read.add(key);
      return Reflect.get(target, key, receiver);
    },
  });
  run(proxy);
  return [...read];
}

/** The plan fields a batch declaration carries: named by its ops, or read by a whole-record op. */
function batchFields(call: CmdCall, node: Fields): Set<string> {
  const fields = new Set<string>(call.block ? [call.block.field] : []);
  const walk = (ops: readonly CmdOp[], top: boolean) => {
    for (const op of ops) {
      if ("call" in op) continue;
      if ("each" in op) {
        fields.add(op.each);
        walk(op.body, false);
      } else if (op.field !== "") fields.add(op.field);
      else if (!top)
        continue; // inside `each`, "" is the item
      else {
        const value = (r: Fields) => (op.from ? op.from(r, r) : r);
        const render =
          "shape" in op
            ? (r: Fields) => cmdShapeLines(value(r), op.shape, () => "")
            : (r: Fields) => cmdEncode(value(r), op.as, op.arg ?? "", r);
        fieldsRead(node, render).forEach((f) => fields.add(f));
      }
    }
  };
  walk(call.ops, true);
  return fields;
}

/** What does not reach a target: one line per property and target. */
function unreachedProperties(kind: Kind, node: Fields | undefined): string[] {
  if (!node) return [`a node of kind ${kind.kind} in ${FIXTURE}`];
  const planField = (p: string) => kind.planFields?.[p] ?? p;
  const ps1 = new Set([...kind.ps1.args.map((a) => a.field), kind.ps1.block?.field]);
  const missing = Object.keys(kind.properties)
    .filter((p) => !ps1.has(planField(p)))
    .map((p) => `ps1: property ${p} reaches no argument of ${kind.ps1.command}`);
  if (!kind.targets.cmd || !kind.cmd) return missing;
  const ignored = kind.cmd.ignores ?? {};
  const carried = batchFields(kind.cmd, node);
  for (const p of Object.keys(kind.properties))
    if (!carried.has(planField(p)) && !(planField(p) in ignored))
      missing.push(
        `cmd: property ${p} reaches no batch op (carry it, or list it in ignores with why)`,
      );
  return missing;
}

for (const [name, kind] of Object.entries(stepKinds))
  test(`step kind ${name}: every property reaches each target it declares`, () => {
    const node = nodes.steps.find((s) => s.kind === name);
    assert.equal(unreachedProperties(kind as Kind, node), []);
  });

for (const [name, kind] of Object.entries(evidenceKinds))
  test(`evidence kind ${name}: every property reaches each target it declares`, () => {
    const node = nodes.probes.find((p) => p.kind === name);
    assert.equal(unreachedProperties(kind as Kind, node), []);
  });

test("a destructive kind names a path property of its own as what it deletes or moves", () => {
  const destructive = Object.values(stepKinds).filter((k) => k.destructive);
  assert.equal(destructive.map((k) => k.kind).sort(), ["clear-folder", "delete-files", "rename"]);
  for (const kind of destructive) {
    const node = nodes.steps.find((s) => s.kind === kind.kind)!;
    const field = kind.destructive!.field;
    assert.ok(field in kind.properties, `${kind.kind}: ${field} is not a property`);
    assert.ok(node[field]?.base, `${kind.kind}: ${field} is not a path in the plan`);
  }
});

test("the check names a property that reaches one target only, and honours ignores", () => {
  const fileContains = evidenceKinds["file-contains"] as unknown as Kind;
  const node = nodes.probes.find((p) => p.kind === "file-contains")!;
  // As it was before batch kept the time window: withinDays reached the .ps1 only.
  const withoutDays: Kind = {
    ...fileContains,
    cmd: { ...fileContains.cmd!, ops: fileContains.cmd!.ops.filter((op) => !("set" in op)) },
  };
  assert.equal(unreachedProperties(withoutDays, node), [
    "cmd: property withinDays reaches no batch op (carry it, or list it in ignores with why)",
  ]);
  const ignoring = { ...withoutDays, cmd: { ...withoutDays.cmd!, ignores: { withinDays: "x" } } };
  assert.equal(unreachedProperties(ignoring, node), []);
  const noPs1Days = {
    ...fileContains,
    ps1: {
      ...fileContains.ps1,
      args: fileContains.ps1.args.filter((a) => a.field !== "withinDays"),
    },
  };
  assert.equal(unreachedProperties(noPs1Days, node), [
    "ps1: property withinDays reaches no argument of Test-KbFileContainsProbe",
  ]);
});

test("a whole-record op counts the fields its kind's reading reads", () => {
  const event = evidenceKinds.event as unknown as Kind;
  // With dataMatch any the reading stops there: an event with dataMatch all reads the tokens.
  const probe = { ...nodes.probes.find((p) => p.kind === "event")!, dataMatch: "all" };
  const matchAll = event.cmd!.ops.filter((op) => "set" in op && op.set === "KB_EV_ALL");
  assert.equal([...batchFields({ ops: matchAll }, probe)].sort(), ["dataMatch", "dataTokens"]);
  const attributes = stepKinds.attributes as unknown as Kind;
  const step = nodes.steps.find((s) => s.kind === "attributes")!;
  const words = attributes.cmd!.ops.filter((op) => "set" in op && op.field === "");
  assert.equal([...batchFields({ ops: words }, step)].sort(), ["clear", "set"]);
});

test.run();
