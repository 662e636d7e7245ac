// Small builders for JSON Schema (2020-12) fragments, so every property carries
// a title and a description (a convention test checks it) and every object is
// closed with additionalProperties: false. The builders keep the literal shape of
// what they build, so FromSchema can give the TypeScript type of the values a
// fragment accepts: a kind's raw input type comes from its schema, never beside it.

export type JsonSchema = { [key: string]: unknown };

export function described<const S extends JsonSchema>(
  title: string,
  description: string,
  schema: S,
): S & { title: string; description: string } {
  return { title, description, ...schema };
}

export function closedObject<
  const P extends Record<string, JsonSchema>,
  const R extends readonly string[] = [],
>(
  properties: P,
  required: R = [] as unknown as R,
  extra: JsonSchema = {},
): { type: "object"; properties: P; required?: R; additionalProperties: false } {
  return {
    type: "object",
    properties,
    ...(required.length ? { required: [...required] as unknown as R } : {}),
    additionalProperties: false,
    ...extra,
  };
}

export function stringEnum<const V extends readonly string[]>(
  values: V,
): { type: "string"; enum: V[number][] } {
  return { type: "string", enum: [...values] };
}

export function arrayOf<const I extends JsonSchema>(
  items: I,
  extra: JsonSchema = {},
): { type: "array"; items: I } {
  return { type: "array", items, ...extra };
}

export function ref<const N extends string>(name: N): { $ref: `#/$defs/${N}` } {
  return { $ref: `#/$defs/${name}` };
}

/**
 * The values each shared definition (src/schema/common-defs.ts, `$defs`) accepts, for refs to
 * them; test/schema/raw-types.test.ts checks each against FromSchema of the definition itself.
 * A step inside a step (per-user) stays unknown here: its own kind lowers it.
 */
export interface RefTypes {
  path: string;
  glob: string;
  version: string;
  registryKey: string;
  serviceName: string;
  step: unknown;
}

type TypeName<T, S> = T extends "string"
  ? string
  : T extends "integer" | "number"
    ? number
    : T extends "boolean"
      ? boolean
      : T extends "null"
        ? null
        : T extends "array"
          ? S extends { items: infer I }
            ? FromSchema<I>[]
            : unknown[]
          : T extends "object"
            ? S extends { properties: infer P }
              ? FromProperties<P, RequiredOf<S>>
              : Record<string, unknown>
            : unknown;

type RequiredOf<S> = S extends { required?: infer R }
  ? R extends readonly (infer K)[]
    ? K
    : never
  : never;

/** The values a schema fragment accepts (the subset of JSON Schema the kinds use). */
export type FromSchema<S> = S extends { $ref: `#/$defs/${infer N}` }
  ? N extends keyof RefTypes
    ? RefTypes[N]
    : unknown
  : S extends { enum: readonly (infer E)[] }
    ? E
    : S extends { oneOf: readonly (infer O)[] }
      ? FromSchema<O>
      : S extends { type: infer T }
        ? T extends readonly (infer U)[]
          ? TypeName<U, S>
          : TypeName<T, S>
        : unknown;

type Flat<T> = { [K in keyof T]: T[K] } & {};

/** An object with these properties, the `required` ones present and the others optional. */
export type FromProperties<P, R> = Flat<
  { -readonly [K in keyof P & R]: FromSchema<P[K]> } & {
    -readonly [K in Exclude<keyof P, R>]?: FromSchema<P[K]>;
  }
>;
