// What the batch target can carry, decided once per plan and read by both the
// `cmd-values` check (which warns at each value) and the batch emitter (which
// turns each blocked step or probe into a manual item): a value batch cannot
// carry degrades the step or probe that holds it, never the whole script
// (docs/emitted-script-rules.md#cmd-value-whitelist).
import type { Span } from "../diagnostic.js";
import type { PlanProbeBase } from "../evidence/evidence-kind.js";
import { evidenceKinds } from "../evidence/index.js";
import { cmdSafeReason, type CmdValueKind } from "../model/cmd-safe.js";
import type { PathExpr } from "../model/path-expr.js";
import { stepKinds, type PlanStep } from "../steps/index.js";
import type { StepKind } from "../steps/step-kind.js";
import { spanOf, type FieldSpans } from "./field-spans.js";
import type { Plan, PlanMethod, PlanParameter } from "./plan.js";
import { parametersIn } from "./parameters-read.js";
import { allProbes, allSteps } from "./walk.js";

/** One value batch cannot carry: where it was written and why. */
export interface CmdBlock {
  /** The field as the playbook names it, e.g. data, args/1, guard/creates, default. */
  field: string;
  span: Span;
  reason: string;
  /** What holds the value, for the batch script's manual text: data, guard, parameter Folder. */
  holder: string;
}

export interface CmdCarry {
  /** Steps the batch script reports as manual, by id, with the values that block them. */
  steps: Map<string, CmdBlock[]>;
  /** Probes the batch script does not check (X: the evidence they could decide is undecided), by id. */
  probes: Map<string, CmdBlock[]>;
  /** Methods whose services batch cannot name: they stop nothing, and every step is manual. */
  methods: Map<string, CmdBlock[]>;
  /** Parameters whose default or values batch cannot carry: left out of the batch script. */
  parameters: Map<string, CmdBlock[]>;
}

type Node = { span: Span; fieldSpans?: FieldSpans } & Record<string, unknown>;

const cache = new WeakMap<Plan, CmdCarry>();

export function cmdCarry(plan: Plan): CmdCarry {
  let carry = cache.get(plan);
  if (!carry) cache.set(plan, (carry = decide(plan)));
  return carry;
}

function decide(plan: Plan): CmdCarry {
  const carry: CmdCarry = {
    steps: new Map(),
    probes: new Map(),
    methods: new Map(),
    parameters: new Map(),
  };
  for (const p of plan.parameters) addAll(carry.parameters, p.name, parameterBlocks(p));
  for (const m of plan.methods) addAll(carry.methods, m.id, serviceBlocks(m));
  for (const { method, step } of allSteps(plan)) {
    const kind = stepKinds[step.kind] as StepKind;
    if (!kind.targets.cmd) continue;
    const node = step as unknown as Node;
    addAll(carry.steps, step.id, [
      ...fieldBlocks(node, kind.cmdFields),
      ...guardBlocks(step, node),
      ...verifyBlocks(step),
      ...parameterUse(node, carry.parameters),
      ...(carry.methods.get(method.id) ?? []),
    ]);
  }
  for (const probe of allProbes(plan.detection)) {
    const kind = evidenceKinds[probe.kind as keyof typeof evidenceKinds];
    if (!kind.targets.cmd) continue;
    const node = probe as unknown as Node;
    addAll(carry.probes, probe.id, [
      ...probeFieldBlocks(node, kind),
      ...parameterUse(node, carry.parameters),
    ]);
  }
  return carry;
}

function addAll(map: Map<string, CmdBlock[]>, key: string, blocks: CmdBlock[]): void {
  if (blocks.length) map.set(key, [...(map.get(key) ?? []), ...blocks]);
}

function block(
  node: Node,
  field: string,
  value: string,
  kind: CmdValueKind = "text",
  holder = field.split("/")[0]!,
): CmdBlock[] {
  const reason = cmdSafeReason(value, kind);
  return reason ? [{ field, span: spanOf(node, field), reason, holder }] : [];
}

/** The strings a field puts into the batch script, each with its field path (args/1). */
function batchStrings(value: unknown, field: string): [string, string][] {
  if (typeof value === "string") return [[value, field]];
  if (Array.isArray(value)) return value.flatMap((v, i) => batchStrings(v, `${field}/${i}`));
  if (value === null || typeof value !== "object") return [];
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.segments)) return [[(o as unknown as PathExpr).segments.join("\\"), field]];
  if (typeof o.literal === "string") return [[o.literal, field]];
  // An argument naming bases: its text parts (the bases' values come from the machine).
  if (Array.isArray(o.parts)) return o.parts.flatMap((p) => (p.text ? [[p.text, field]] : []));
  if ("type" in o && "value" in o) return batchStrings(o.value, field);
  return [];
}

function fieldBlocks(
  node: Node,
  fields: Readonly<Record<string, CmdValueKind>>,
  planField: Readonly<Record<string, string>> = {},
): CmdBlock[] {
  return Object.entries(fields).flatMap(([field, kind]) =>
    batchStrings(node[planField[field] ?? field], field).flatMap(([value, at]) =>
      block(node, at, value, kind),
    ),
  );
}

type ProbeKind = (typeof evidenceKinds)[keyof typeof evidenceKinds];

function probeFieldBlocks(node: Node, kind: ProbeKind): CmdBlock[] {
  return fieldBlocks(node, kind.cmdFields, kind.planFields);
}

/** A probe written in a step's verify: what it cannot carry blocks the step. */
function verifyBlocks(step: PlanStep): CmdBlock[] {
  const probe = step.verify?.probe;
  if (!probe) return [];
  const kind = evidenceKinds[probe.kind as keyof typeof evidenceKinds];
  if (!kind?.targets.cmd) return [];
  return probeFieldBlocks(probe as unknown as Node, kind).map((b) => ({
    ...b,
    field: `verify/${b.field}`,
  }));
}

function guardBlocks(step: PlanStep, node: Node): CmdBlock[] {
  const guard = step.guard;
  if (!guard || guard.kind === "evidence") return [];
  return block(node, `guard/${guard.kind}`, guard.path.segments.join("\\"));
}

function parameterBlocks(p: PlanParameter): CmdBlock[] {
  const node = p as unknown as Node;
  const holder = `parameter ${p.name}`;
  const defaults =
    typeof p.default === "string" ? block(node, "default", p.default, "text", holder) : [];
  const values = (p.values ?? []).flatMap((v, i) => block(node, `values/${i}`, v, "text", holder));
  return [...defaults, ...values];
}

function serviceBlocks(m: PlanMethod): CmdBlock[] {
  const holder = `services of method ${m.id}`;
  const node = m as unknown as Node;
  return [
    ...m.services.flatMap((s, i) => block(node, `services/${i}`, s, "text", holder)),
    ...m.startAtEnd.flatMap((s, i) => block(node, `startAtEnd/${i}`, s, "text", holder)),
  ];
}

/** A step or probe that reads a parameter batch leaves out is blocked by that parameter. */
function parameterUse(node: Node, blocked: Map<string, CmdBlock[]>): CmdBlock[] {
  if (!blocked.size) return [];
  return [...new Set(parametersIn(node))].flatMap((name) => blocked.get(name) ?? []);
}

/** The probe ids and step ids a parameter's blocks reach, for the check's message. */
export function usersOfParameter(plan: Plan, name: string): string[] {
  const users: string[] = [];
  for (const { step } of allSteps(plan))
    if (parametersIn(step as unknown as Node).includes(name)) users.push(`step '${step.id}'`);
  for (const probe of allProbes(plan.detection) as PlanProbeBase[])
    if (parametersIn(probe as unknown as Node).includes(name)) users.push(`probe '${probe.id}'`);
  return users;
}
