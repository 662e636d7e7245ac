// js-yaml exceptions as positioned diagnostics. js-yaml stops at the first
// error, so this is always one diagnostic, at js-yaml's (0-based) mark.
import { YAMLException } from "js-yaml";
import { diagnostic, type Diagnostic } from "../diagnostic.js";
import type { LineIndex } from "./line-index.js";
import { MAX_DEPTH } from "./yaml-limits.js";
import type { DiagnosticCode } from "../diagnostic-codes.js";

interface Classified {
  code: DiagnosticCode;
  message: string;
  hint?: string;
}

const TAB_HINT = "indent with spaces";

/** Rethrows anything that is not a YAMLException: that would be a bug, not bad input. */
export function yamlErrorDiagnostic(
  file: string,
  error: unknown,
  text: string,
  lines: LineIndex,
): Diagnostic {
  if (!(error instanceof YAMLException)) throw error;
  const line = (error.mark?.line ?? 0) + 1;
  const column = (error.mark?.column ?? 0) + 1;
  const known = classify(error.reason);
  if (known)
    return diagnostic(file, { line, column }, "error", known.code, known.message, known.hint);
  // js-yaml often trips over a tab some way after it; name the tab instead.
  const tab = indentationTab(text, lines, line);
  if (tab !== undefined) {
    return diagnostic(file, { line, column: tab }, "error", "yaml-tab", tabMessage(), TAB_HINT);
  }
  return diagnostic(file, { line, column }, "error", "yaml-syntax", error.reason);
}

function classify(reason: string): Classified | undefined {
  if (/tab characters/.test(reason))
    return { code: "yaml-tab", message: tabMessage(), hint: TAB_HINT };
  if (/maxDepth/.test(reason)) {
    const message = `nesting is deeper than ${MAX_DEPTH} levels`;
    return { code: "yaml-too-deep", message, hint: "flatten the structure" };
  }
  if (/aliases exceeded|merge keys exceeded|merge sequence size/.test(reason)) {
    return { code: "yaml-alias-limit", message: reason, hint: "repeat the content instead" };
  }
  if (/unknown (scalar|sequence|mapping) tag|explicit tag/.test(reason)) {
    return { code: "yaml-tag", message: reason, hint: "remove the tag (and any %TAG directive)" };
  }
  return undefined;
}

function tabMessage(): string {
  return "tab character in indentation; YAML allows only spaces there";
}

/** 1-based column of a tab in the leading whitespace of `line`, if any. */
function indentationTab(text: string, lines: LineIndex, line: number): number | undefined {
  const start = lines.lineStart(line);
  for (let i = start; i < text.length; i++) {
    if (text[i] === "\t") return i - start + 1;
    if (text[i] !== " ") return undefined;
  }
  return undefined;
}
