// Small builders for JSON Schema (2020-12) fragments, so every property carries
// a title and a description (a convention test checks it) and every object is
// closed with additionalProperties: false.

export type JsonSchema = { [key: string]: unknown };

export function described(title: string, description: string, schema: JsonSchema): JsonSchema {
  return { title, description, ...schema };
}

export function closedObject(
  properties: Record<string, JsonSchema>,
  required: readonly string[] = [],
  extra: JsonSchema = {},
): JsonSchema {
  return {
    type: "object",
    properties,
    ...(required.length ? { required: [...required] } : {}),
    additionalProperties: false,
    ...extra,
  };
}

export function stringEnum(values: readonly string[]): JsonSchema {
  return { type: "string", enum: [...values] };
}

export function arrayOf(items: JsonSchema, extra: JsonSchema = {}): JsonSchema {
  return { type: "array", items, ...extra };
}

export function ref(name: string): JsonSchema {
  return { $ref: `#/$defs/${name}` };
}
