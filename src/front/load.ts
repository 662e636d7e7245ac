// Playbook bytes to a plain JS value plus a source map, or to positioned
// diagnostics. Never throws: every failure, even a bug, becomes a diagnostic.
//
// Pipeline: size limit, decode (decode.ts), js-yaml parseEvents, one walk over
// the events for positions and limits (yaml-walk.ts), then js-yaml's own
// constructFromEvents for the value. Nothing is ever executed: core schema
// (plus `<<` merge keys), unknown tags rejected.
import { createRequire } from "node:module";
import { CORE_SCHEMA, constructFromEvents, mergeTag, parseEvents, type Event } from "js-yaml";
import { diagnostic, type Diagnostic, type Span } from "../diagnostic.js";
import { decodePlaybook } from "./decode.js";
import { LineIndex } from "./line-index.js";
import { fileTooLarge, readBoundedFile, type ReadFailure } from "./read-file.js";
import type { SourceMap } from "./source-map.js";
import { yamlErrorDiagnostic } from "./yaml-errors.js";
import { emptySourceMap, OffsetSourceMap } from "./yaml-source-map.js";
import { MAX_ALIASES } from "./yaml-limits.js";
import { walkEvents, type WalkResult } from "./yaml-walk.js";
import type { DiagnosticCode } from "../diagnostic-codes.js";

export const MAX_PLAYBOOK_BYTES = 1_048_576; // 1 MiB

export interface LoadResult {
  file: string;
  /** Decoded text without a BOM; positions in diagnostics and `map` refer to it. */
  text: string;
  /** Hex SHA-256 of the raw bytes ("" when the file was too large to hash); computed on first
   * read. */
  readonly sha256: string;
  /** undefined whenever `diagnostics` holds an error. */
  value: unknown;
  map: SourceMap;
  diagnostics: Diagnostic[];
}

const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

// node:crypto is loaded on the first hash, not at start-up: only compile reads the hash, and
// loading the module is a measurable share of a cold `kbfix validate`.
const loadBuiltin = createRequire(import.meta.url);

/** The hex SHA-256 of `bytes`, computed when first asked for. */
function lazySha256(bytes: Uint8Array): () => string {
  let hex: string | undefined;
  return () => {
    if (hex === undefined) {
      const { createHash } = loadBuiltin("node:crypto") as typeof import("node:crypto");
      hex = createHash("sha256").update(bytes).digest("hex");
    }
    return hex;
  };
}
/** Only a stack guard: the walk reports depth beyond MAX_DEPTH with a better position. */
const PARSER_MAX_DEPTH = 100;
const FILE_START: Span = { line: 1, column: 1 };

export function loadPlaybookFile(path: string, displayName: string = path): LoadResult {
  const read = readBoundedFile(path, MAX_PLAYBOOK_BYTES);
  // The buffer was read for this load alone, so its hash can wait until asked for.
  if ("bytes" in read) return loadOwnBytes(displayName, read.bytes, "lazy");
  return fileFailure(displayName, read);
}

/** `bytes` stay the caller's, who may reuse them: they are hashed now. */
export function loadPlaybookBytes(file: string, bytes: Uint8Array): LoadResult {
  return loadOwnBytes(file, bytes, "now");
}

function loadOwnBytes(file: string, bytes: Uint8Array, hash: "now" | "lazy"): LoadResult {
  try {
    return load(file, bytes, hash);
  } catch (error) {
    const message = `could not load the playbook (internal error: ${describe(error)})`;
    const hint = "this is a kbfix bug; please report it with the file";
    return fileFailure(file, { code: "internal-error", message, hint });
  }
}

function load(file: string, bytes: Uint8Array, hash: "now" | "lazy"): LoadResult {
  if (bytes.length > MAX_PLAYBOOK_BYTES) {
    return fileFailure(file, fileTooLarge(bytes.length, MAX_PLAYBOOK_BYTES));
  }
  const sha256 = lazySha256(bytes);
  if (hash === "now") sha256();
  const { text, problem } = decodePlaybook(bytes);
  if (problem) {
    const d = errorAt(file, problem, problem.code, problem.message, problem.hint);
    return failed(file, text, sha256, emptySourceMap, d);
  }
  const lines = new LineIndex(text);
  const fail = (map: SourceMap, d: Diagnostic) => failed(file, text, sha256, map, d);
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: PARSER_MAX_DEPTH });
  } catch (error) {
    return fail(emptySourceMap, yamlErrorDiagnostic(file, error, text, lines));
  }
  const walk = walkEvents(text, events, lines, SCHEMA);
  const map = new OffsetSourceMap(walk.ranges, lines);
  const shapeError = walkError(file, walk, lines) ?? rootShapeError(file, walk, map);
  if (shapeError) return fail(map, shapeError);
  try {
    const [value] = constructFromEvents(events, {
      source: text,
      schema: SCHEMA,
      maxAliases: MAX_ALIASES,
    });
    return {
      file,
      text,
      get sha256() {
        return sha256();
      },
      value,
      map,
      diagnostics: [],
    };
  } catch (error) {
    return fail(map, yamlErrorDiagnostic(file, error, text, lines));
  }
}

function walkError(file: string, walk: WalkResult, lines: LineIndex): Diagnostic | undefined {
  const problem = walk.problem;
  if (!problem) return undefined;
  const span = lines.span(problem.start, problem.end);
  return errorAt(file, span, problem.code, problem.message, problem.hint);
}

/** A playbook is exactly one non-empty mapping. */
function rootShapeError(file: string, walk: WalkResult, map: SourceMap): Diagnostic | undefined {
  const hint = "write the playbook as `key: value` lines starting at column 1";
  if (walk.rootKind === "none" || walk.rootKind === "empty") {
    const message = "the playbook is empty (no YAML content, only blank lines or comments)";
    return errorAt(file, FILE_START, "empty-playbook", message, hint);
  }
  if (walk.rootKind === "mapping") return undefined;
  const found = walk.rootKind === "sequence" ? "a list" : "a single value";
  const message = `the top level of a playbook must be a mapping of keys to values, not ${found}`;
  return errorAt(file, map.value(""), "not-a-mapping", message, hint);
}

function fileFailure(file: string, failure: ReadFailure): LoadResult {
  const d = errorAt(file, FILE_START, failure.code, failure.message, failure.hint);
  return failed(file, "", () => "", emptySourceMap, d);
}

function failed(
  file: string,
  text: string,
  sha256: () => string,
  map: SourceMap,
  d: Diagnostic,
): LoadResult {
  return {
    file,
    text,
    get sha256() {
      return sha256();
    },
    value: undefined,
    map,
    diagnostics: [d],
  };
}

function errorAt(
  file: string,
  span: Span,
  code: DiagnosticCode,
  message: string,
  hint?: string,
): Diagnostic {
  return diagnostic(
    file,
    { line: span.line, column: span.column, ...endOf(span) },
    "error",
    code,
    message,
    hint,
  );
}

function endOf(span: Span): Partial<Span> {
  return span.endLine === undefined ? {} : { endLine: span.endLine, endColumn: span.endColumn };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
