// Every kind's raw input type (what `lower` reads) is derived from its schema properties by
// FromSchema (src/model/json-schema.ts), so the schema and the lowering code cannot drift: the
// assertions below are types, checked when test/run.mjs builds, and a change on either side
// that the other does not follow fails that build. The suite's tests repeat them at run time.
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { EvidenceKind } from "../../src/evidence/evidence-kind.js";
import { defineEvidenceKind } from "../../src/evidence/evidence-kind.js";
import type { EVENT_LEVELS, EventProbe } from "../../src/evidence/event.js";
import { event } from "../../src/evidence/event.js";
import { serviceState } from "../../src/evidence/service-state.js";
import type { FromSchema, RefTypes } from "../../src/model/json-schema.js";
import { described } from "../../src/model/json-schema.js";
import { commonDefs } from "../../src/schema/common-defs.js";
import { manual, type ManualStep } from "../../src/steps/manual.js";
import { perUser } from "../../src/steps/per-user.js";
import { registryValue, type RegistryType } from "../../src/steps/registry-value.js";
import { run } from "../../src/steps/run.js";
import { START_TYPES } from "../../src/steps/service.js";
import { defineStepKind, type RawOf } from "../../src/steps/step-kind.js";

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const isTrue = <T extends true>(): T => true as T;
type ProbeRawOf<K> = K extends EvidenceKind<infer Raw> ? Raw : never;

// The table of $ref types agrees with the shared definitions themselves.
type Defs = typeof commonDefs;
const refTypes = [
  isTrue<Equal<FromSchema<Defs["path"]>, RefTypes["path"]>>(),
  isTrue<Equal<FromSchema<Defs["glob"]>, RefTypes["glob"]>>(),
  isTrue<Equal<FromSchema<Defs["version"]>, RefTypes["version"]>>(),
  isTrue<Equal<FromSchema<Defs["registryKey"]>, RefTypes["registryKey"]>>(),
  isTrue<Equal<FromSchema<Defs["serviceName"]>, RefTypes["serviceName"]>>(),
];

// What the derivation gives for kinds that use each construct: refs, enums, type lists with
// items, oneOf with a closed object, optional (not required) fields, nested steps.
const derived = [
  isTrue<
    Equal<
      RawOf<typeof registryValue>,
      {
        key: string;
        name: string;
        type: RegistryType;
        data: string | number | string[];
        view?: 32 | 64;
      }
    >
  >(),
  isTrue<
    Equal<
      RawOf<typeof run>,
      {
        program: string;
        args?: (string | { parameter: string })[];
        successCodes?: number[];
        timeoutSeconds?: number;
      }
    >
  >(),
  isTrue<Equal<RawOf<typeof perUser>, { includeServiceProfiles?: boolean; steps: unknown[] }>>(),
  isTrue<
    Equal<
      ProbeRawOf<typeof event>,
      {
        log: string;
        provider: string;
        ids: number[];
        level: (typeof EVENT_LEVELS)[number];
        withinDays?: number;
        dataContains?: string | string[];
        dataMatch?: "any" | "all";
      }
    >
  >(),
  isTrue<
    Equal<ProbeRawOf<typeof serviceState>["startTypes"], (typeof START_TYPES)[number][] | undefined>
  >(),
];

// Drift fails the build. Each @ts-expect-error below must meet an error, or tsc reports it.
defineStepKind<ManualStep>()({
  ...manual,
  properties: {
    text: described("Text", "Changed to a number in the schema only.", { type: "integer" }),
  },
  required: ["text"],
  lower(raw) {
    // @ts-expect-error the schema now says text is an integer: code reading a string breaks
    const text: string = raw.text;
    // @ts-expect-error a field the schema does not declare cannot be read
    void raw.note;
    return { text };
  },
});

defineEvidenceKind<EventProbe>()({
  ...event,
  properties: { log: described("Log", "The event log name.", { type: "string" }) },
  // @ts-expect-error `required` may only name declared properties
  required: ["log", "source"],
  lower: () => undefined,
});

test("the $ref table agrees with the shared definitions", () => {
  assert.ok(refTypes.every(Boolean));
  for (const name of ["path", "glob", "version", "registryKey", "serviceName"] as const)
    assert.is(commonDefs[name].type, "string", name);
});

test("raw input types are derived from the kinds' schema properties", () => {
  assert.ok(derived.every(Boolean));
  assert.equal(registryValue.required, ["key", "name", "type", "data"]);
});
