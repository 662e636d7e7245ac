// Turns one Ajv error into a diagnostic people can act on: the position of the
// offending key or value, a plain message, and a "did you mean" hint.
import { diagnostic, type Diagnostic } from "../diagnostic.js";
import { didYouMean, suggestion } from "./did-you-mean.js";
import type { SourceMap } from "./source-map.js";
import { patternInWords } from "../schema/pattern-words.js";

export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, any>;
  message?: string;
  parentSchema?: Record<string, any>;
  data?: unknown;
}

const KIND_FAMILY = (path: string) =>
  /\/(detection|any|all)(\/|$)/.test(path) ? "evidence" : "step";

export function schemaErrorToDiagnostic(
  file: string,
  e: SchemaError,
  map: SourceMap,
  _root: unknown,
): Diagnostic {
  const at = (pointer: string) => map.value(pointer);
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String(e.params.additionalProperty);
      const allowed = Object.keys(e.parentSchema?.properties ?? {});
      const close = didYouMean(key, allowed);
      return diagnostic(
        file,
        map.key(`${e.instancePath}/${escape(key)}`),
        "error",
        "unknown-key",
        `unknown key '${key}'${where(e.instancePath)}`,
        close ? `did you mean '${close}'?` : `allowed keys: ${allowed.join(", ")}`,
      );
    }
    case "required":
      return diagnostic(
        file,
        at(e.instancePath),
        "error",
        "missing-key",
        `missing required key '${e.params.missingProperty}'${where(e.instancePath)}`,
      );
    case "discriminator":
      return kindError(file, e, map);
    case "enum": {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      return diagnostic(
        file,
        at(e.instancePath),
        "error",
        "bad-value",
        `'${String(e.data)}' is not allowed here${where(e.instancePath)}`,
        suggestion(String(e.data), allowed),
      );
    }
    case "const":
      return diagnostic(
        file,
        at(e.instancePath),
        "error",
        "bad-value",
        `must be ${JSON.stringify(e.params.allowedValue)}${where(e.instancePath)}`,
      );
    case "pattern":
      return diagnostic(
        file,
        at(e.instancePath),
        "error",
        "bad-value",
        `${patternInWords(String(e.params.pattern))}${where(e.instancePath)}`,
        e.parentSchema?.description,
      );
    case "oneOf":
      return diagnostic(
        file,
        at(e.instancePath),
        "error",
        "bad-shape",
        `does not match any accepted form${where(e.instancePath)}`,
        formsHint(e),
      );
    default:
      return diagnostic(
        file,
        at(e.instancePath),
        "error",
        "bad-value",
        `${e.message ?? "is not valid"}${where(e.instancePath)}`,
        e.parentSchema?.description,
      );
  }
}

function kindError(file: string, e: SchemaError, map: SourceMap): Diagnostic {
  const family = KIND_FAMILY(e.instancePath);
  const kinds = (e.parentSchema?.oneOf ?? []).map((b: any) => String(b.properties?.kind?.const));
  const value = e.params.tagValue;
  if (typeof value !== "string") {
    return diagnostic(
      file,
      map.value(e.instancePath),
      "error",
      "missing-key",
      `missing '${e.params.tag}' (the ${family} kind)`,
      `one of: ${kinds.join(", ")}`,
    );
  }
  return diagnostic(
    file,
    map.value(`${e.instancePath}/kind`),
    "error",
    family === "evidence" ? "unknown-evidence-kind" : "unknown-step-kind",
    `unknown ${family} kind '${value}'`,
    suggestion(value, kinds),
  );
}

function formsHint(e: SchemaError): string | undefined {
  const branches: any[] = e.parentSchema?.oneOf ?? [];
  const forms = branches
    .map((b) => (b.required ? `{ ${b.required.join(", ")} }` : (b.type ?? b.title)))
    .filter(Boolean);
  return forms.length ? `use one of: ${forms.join(" | ")}` : undefined;
}

function where(pointer: string): string {
  return pointer ? ` at ${pointer}` : "";
}

function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
