// The one diagnostic shape every stage reports through (after vfile-message),
// and its two printers: compiler-style text and JSON for machines.
import { replaceSteering } from "./model/steering-characters.js";
import type { DiagnosticCode, Severity } from "./diagnostic-codes.js";

export type { Severity } from "./diagnostic-codes.js";

export interface Span {
  /** 1-based line and column of the first character. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Diagnostic extends Span {
  file: string;
  severity: Severity;
  /** Stable, kebab-case identifier (see src/diagnostic-codes.ts). */
  code: DiagnosticCode;
  message: string;
  /** What to do about it, in one sentence. */
  hint?: string;
}

export function diagnostic(
  file: string,
  span: Span,
  severity: Severity,
  code: DiagnosticCode,
  message: string,
  hint?: string,
): Diagnostic {
  return { file, ...span, severity, code, message, ...(hint ? { hint } : {}) };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Stable order: file, position, then code, so output never depends on check order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      localeOrder(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      localeOrder(a.code, b.code) ||
      localeOrder(a.message, b.message),
  );
}

/** localeCompare, asked only when the strings differ: its first call loads the collation data,
 * a cost a cold `kbfix validate` of a few playbooks (one file each, distinct positions) skips. */
function localeOrder(a: string, b: string): number {
  return a === b ? 0 : a.localeCompare(b);
}

export interface FormatOptions {
  color: boolean;
}

/** `file:line:col: error CODE: message` plus an indented hint line. */
/**
 * A message with the steering characters it quotes from its input shown as \u escapes: a value
 * must not colour the terminal, forge a diagnostic line of its own or reorder what is shown.
 */
export function printable(text: string): string {
  return replaceSteering(text, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function formatDiagnostic(d: Diagnostic, options: FormatOptions): string {
  const paint = (style: string, text: string) =>
    options.color ? `\x1b[${style}m${text}\x1b[0m` : text;
  const severity = d.severity === "error" ? paint("31;1", "error") : paint("33;1", "warning");
  const where = `${printable(d.file)}:${d.line}:${d.column}`;
  const head = `${where}: ${severity} ${paint("1", d.code)}: ${printable(d.message)}`;
  return d.hint ? `${head}\n  hint: ${printable(d.hint)}` : head;
}

export function formatDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics, null, 2);
}
