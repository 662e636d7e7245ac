// Assembles the playbook JSON Schema (2020-12) from the step and evidence kind
// registries. The committed playbooks/playbook.schema.json is this, serialized.
import { evidenceKinds } from "../evidence/index.js";
import type { EvidenceKind } from "../evidence/evidence-kind.js";
import { stepKinds } from "../steps/index.js";
import type { StepKind } from "../steps/step-kind.js";
import { commonDefs, ID_PATTERN, idSchema } from "./common-defs.js";
import {
  arrayOf,
  closedObject,
  described,
  ref,
  stringEnum,
  type JsonSchema,
} from "../model/json-schema.js";

export const SCHEMA_VERSION = 1;
export const SCHEMA_ID = "https://kbfix.dev/schema/playbook-1.json";

export const PARAMETER_TYPES = ["string", "path", "int", "enum", "switch"] as const;

function kindBranch(
  kind: string,
  title: string,
  description: string,
  own: Record<string, JsonSchema>,
  required: readonly string[],
  common: Record<string, JsonSchema>,
): JsonSchema {
  return described(
    title,
    description,
    closedObject(
      { ...common, kind: described("Kind", `Always '${kind}'.`, { const: kind }), ...own },
      ["id", "kind", ...required],
    ),
  );
}

function stepSchema(): JsonSchema {
  const common = {
    id: described(
      "Step id",
      "Unique id within the playbook (lowercase, digits, dashes).",
      idSchema,
    ),
    title: described("Step title", "What the step does, in the article's words.", {
      type: "string",
      minLength: 1,
      maxLength: 300,
    }),
    guard: ref("guard"),
    applies: ref("applicability"),
  };
  const oneShot = (k: StepKind | EvidenceKind): Record<string, JsonSchema> =>
    (k as StepKind).idempotence === "one-shot" ? { verify: verifySchema() } : {};
  return kindUnion(Object.values(stepKinds as Record<string, StepKind>), common, oneShot);
}

/** A one-shot step's verification: { evidence: <probe id> } or a probe written in place. */
function verifySchema(): JsonSchema {
  return described(
    "Verify",
    "A live probe that must find no problem after the step ran (else the step failed: it did not stick): { evidence: <detection probe id> } or a probe written here.",
    {
      if: { type: "object", required: ["evidence"] },
      then: closedObject(
        {
          evidence: described("Evidence id", "The id of a probe of the detection.", idSchema),
        },
        ["evidence"],
      ),
      else: ref("probe"),
    },
  );
}

function probeSchema(): JsonSchema {
  const common = {
    id: described("Evidence id", "Unique id, referenced by guards.", idSchema),
    applies: described(
      "Probe applicability",
      "Where the probe can look; elsewhere it is not applicable: neither evidence nor clean (any/all leave it out).",
      ref("applicability"),
    ),
  };
  return kindUnion(Object.values(evidenceKinds as Record<string, EvidenceKind>), common);
}

/** One branch per kind, told apart by `kind` (Ajv's discriminator: one clear error, not one per branch). */
function kindUnion(
  kinds: (StepKind | EvidenceKind)[],
  common: Record<string, JsonSchema>,
  extra: (kind: StepKind | EvidenceKind) => Record<string, JsonSchema> = () => ({}),
): JsonSchema {
  const branches = kinds.map((k) =>
    kindBranch(k.kind, k.title, k.description, k.properties, k.required, {
      ...common,
      ...extra(k),
    }),
  );
  return {
    type: "object",
    required: ["kind"],
    discriminator: { propertyName: "kind" },
    oneOf: branches,
  };
}

function evidenceSchema(): JsonSchema {
  const group = (key: "any" | "all", words: string) =>
    closedObject(
      {
        [key]: described(
          key === "any" ? "Any of" : "All of",
          words,
          arrayOf(ref("evidence"), { minItems: 1 }),
        ),
      },
      [key],
    );
  return described("Evidence", "A probe, or a group: { any: [...] } or { all: [...] }.", {
    if: { type: "object", required: ["any"] },
    then: group("any", "Present when any item is present."),
    else: {
      if: { type: "object", required: ["all"] },
      then: group("all", "Present when every item is present."),
      else: ref("probe"),
    },
  });
}

function parameterSchema(): JsonSchema {
  return closedObject(
    {
      name: described("Name", "PowerShell parameter name (PascalCase).", {
        type: "string",
        pattern: "^[A-Z][A-Za-z0-9]{1,39}$",
      }),
      type: described("Type", "string, path, int, enum or switch.", stringEnum(PARAMETER_TYPES)),
      description: described(
        "Description",
        "What the parameter is for, shown in help and the README.",
        { type: "string", minLength: 1, maxLength: 1000 },
      ),
      required: described("Required", "Whether the caller must give it; default false.", {
        type: "boolean",
      }),
      default: described("Default", "The value when not given.", {
        type: ["string", "integer", "boolean"],
      }),
      pattern: described(
        "Pattern",
        "A .NET/ECMAScript regular expression the value must match (string and path).",
        { type: "string", minLength: 1 },
      ),
      minimum: described("Minimum", "Lowest value (int).", { type: "integer" }),
      maximum: described("Maximum", "Highest value (int).", { type: "integer" }),
      values: described(
        "Values",
        "Allowed values (enum).",
        arrayOf(
          { type: "string", pattern: "^[A-Za-z0-9_.-]{1,60}$" },
          { minItems: 1, uniqueItems: true },
        ),
      ),
    },
    ["name", "type", "description"],
  );
}

function methodSchema(): JsonSchema {
  return closedObject(
    {
      id: described("Method id", "Unique id (lowercase, digits, dashes).", idSchema),
      kbMethod: described("KB method number", "The method's number in the article.", {
        type: "integer",
        minimum: 1,
        maximum: 99,
      }),
      title: described("Title", "The method's title, in English.", {
        type: "string",
        minLength: 1,
        maxLength: 300,
      }),
      summary: described("Summary", "Why and what, in a sentence or two.", {
        type: "string",
        maxLength: 2000,
      }),
      risk: described(
        "Risk",
        "low, medium or high; high runs only when the caller opts in.",
        stringEnum(["low", "medium", "high"]),
      ),
      reboot: described(
        "Reboot",
        "none, soft (exit 3010) or hard (exit 1641).",
        stringEnum(["none", "soft", "hard"]),
      ),
      applies: ref("applicability"),
      services: described(
        "Services to stop",
        "Services stopped before the steps and started again afterwards, whatever happens.",
        arrayOf(ref("serviceName"), { uniqueItems: true }),
      ),
      startAtEnd: described(
        "Services to start at the end",
        "Services started after the steps (and after the stopped services are running again), whatever state they were in before, as in KB971058's last step.",
        arrayOf(ref("serviceName"), { uniqueItems: true }),
      ),
      steps: described("Steps", "The steps, in order.", arrayOf(ref("step"), { minItems: 1 })),
    },
    ["id", "kbMethod", "title", "risk", "reboot", "steps"],
  );
}

export function buildPlaybookSchema(): JsonSchema {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: SCHEMA_ID,
    title: "kbfix playbook",
    description:
      "A Microsoft KB remediation article as detectable evidence and typed, idempotent steps.",
    ...closedObject(
      {
        $schema: described("Schema", "The schema this file follows (for editors).", {
          type: "string",
        }),
        schemaVersion: described("Schema version", "The playbook language version.", {
          const: SCHEMA_VERSION,
        }),
        id: described("Playbook id", "Lowercase id, e.g. kb2328240; names the output folder.", {
          type: "string",
          pattern: ID_PATTERN,
        }),
        title: described("Title", "The article's title, in English.", {
          type: "string",
          minLength: 1,
          maxLength: 300,
        }),
        kb: described(
          "KB numbers",
          "The article's KB number(s); leave out for a procedure without one (source.url then identifies it).",
          arrayOf(
            { type: "integer", minimum: 100000, maximum: 99999999 },
            { minItems: 1, uniqueItems: true },
          ),
        ),
        source: described(
          "Source",
          "The article this encodes.",
          closedObject(
            {
              url: described("URL", "The article's address.", {
                type: "string",
                pattern: "^https?://[^\\s]+$",
              }),
              revision: described("Revision", "The revision encoded, e.g. 31.0.", {
                type: "string",
                pattern: "^[0-9]+(\\.[0-9]+)?$",
              }),
              language: described(
                "Language",
                "The language of the copy read (BCP 47), e.g. nl-NL.",
                { type: "string", pattern: "^[a-z]{2}(-[A-Za-z]{2,4})?$" },
              ),
              notes: described(
                "Notes",
                "Corrections to the copy read and facts checked elsewhere.",
                arrayOf({ type: "string", minLength: 1 }),
              ),
            },
            ["url", "revision"],
          ),
        ),
        summary: described("Summary", "What is wrong and what the fix does.", {
          type: "string",
          minLength: 1,
          maxLength: 4000,
        }),
        targets: described(
          "Targets",
          "Which scripts to emit: ps1 always; cmd adds a standalone batch script.",
          arrayOf(stringEnum(["ps1", "cmd"]), {
            minItems: 1,
            uniqueItems: true,
            contains: { const: "ps1" },
          }),
        ),
        applies: ref("applicability"),
        parameters: described(
          "Parameters",
          "Typed parameters of the emitted scripts.",
          arrayOf(ref("parameter")),
        ),
        detection: ref("evidence"),
        strategy: described(
          "Strategy",
          "escalate: run methods in order and stop once detection is clean; all: run every applicable method.",
          stringEnum(["escalate", "all"]),
        ),
        methods: described(
          "Methods",
          "The article's methods, in its order.",
          arrayOf(ref("method"), { minItems: 1 }),
        ),
      },
      [
        "schemaVersion",
        "id",
        "title",
        "source",
        "summary",
        "targets",
        "detection",
        "strategy",
        "methods",
      ],
    ),
    $defs: {
      ...commonDefs,
      step: described("Step", "One typed step; kind selects its properties.", stepSchema()),
      probe: described(
        "Probe",
        "One language-independent piece of evidence; kind selects its properties.",
        probeSchema(),
      ),
      evidence: evidenceSchema(),
      parameter: described("Parameter", "A typed, validated script parameter.", parameterSchema()),
      method: described("Method", "One of the article's methods.", methodSchema()),
    },
  };
}
