// Every diagnostic code kbfix reports, in one place: its severity, a one-line
// summary, and (by its name) its section in docs/diagnostics.md. Codes are part of
// the interface (scripts and editors match on them), so the type makes an
// unregistered code a compile error and test/diagnostics/every-code.test.ts keeps
// this table, the sources, the tests and the docs in step.
/** How bad a diagnostic is; every code has one. */
export type Severity = "error" | "warning";

export interface DiagnosticCodeInfo {
  severity: Severity;
  summary: string;
}

export const diagnosticCodes = {
  // Reading the file
  "file-not-found": { severity: "error", summary: "the playbook file does not exist" },
  "file-unreadable": {
    severity: "error",
    summary: "the path is a directory, not a regular file, or cannot be read",
  },
  "file-too-large": { severity: "error", summary: "the file is over the 1 MiB playbook limit" },
  "binary-file": { severity: "error", summary: "the file holds NUL bytes: it is not text" },
  "invalid-utf8": { severity: "error", summary: "the file is not valid UTF-8" },
  "invalid-utf16": {
    severity: "error",
    summary: "the file starts with a UTF-16 byte-order mark but is not valid UTF-16",
  },

  // YAML
  "yaml-syntax": { severity: "error", summary: "the text is not valid YAML" },
  "yaml-tab": { severity: "error", summary: "a tab character is used for indentation" },
  "yaml-duplicate-key": { severity: "error", summary: "a mapping has the same key twice" },
  "yaml-complex-key": { severity: "error", summary: "a mapping key is a list, mapping or alias" },
  "yaml-tag": { severity: "error", summary: "a YAML tag outside the core schema is used" },
  "yaml-too-deep": { severity: "error", summary: "nesting is deeper than 64 levels" },
  "yaml-alias-limit": {
    severity: "error",
    summary: "too many aliases, or aliases that expand too far",
  },
  "yaml-unknown-alias": { severity: "error", summary: "an alias has no anchor before it" },
  "yaml-recursive-alias": {
    severity: "error",
    summary: "an alias sits inside the collection it refers to",
  },
  "multiple-documents": { severity: "error", summary: "the file holds more than one document" },
  "empty-playbook": { severity: "error", summary: "the file has no YAML content" },
  "not-a-mapping": { severity: "error", summary: "the top level is not a mapping of keys" },

  // The schema
  "unknown-key": { severity: "error", summary: "a key the schema does not know" },
  "missing-key": { severity: "error", summary: "a required key (or a kind) is missing" },
  "bad-value": { severity: "error", summary: "a value has the wrong type, form or range" },
  "bad-shape": { severity: "error", summary: "a value matches none of the accepted forms" },
  "unknown-step-kind": { severity: "error", summary: "a step's kind is not a known step kind" },
  "unknown-evidence-kind": {
    severity: "error",
    summary: "a probe's kind is not a known evidence kind",
  },

  // Lowering: step and evidence kinds, paths, parameters
  "bad-path": { severity: "error", summary: "a path is not a path expression kbfix accepts" },
  "profile-outside-per-user": {
    severity: "error",
    summary: "%profile% is used outside a per-user step",
  },
  "not-per-user": { severity: "error", summary: "a step kind that cannot run per user" },
  "hkcu-outside-per-user": {
    severity: "error",
    summary: "an HKCU registry key is used outside a per-user step",
  },
  "registry-view-not-hklm": {
    severity: "error",
    summary: "a registry view is named for a key outside HKLM",
  },
  "registry-wow6432node": {
    severity: "warning",
    summary: "a registry key names WOW6432Node instead of view: 32",
  },
  "nested-per-user": { severity: "error", summary: "a per-user step inside a per-user step" },
  "attribute-conflict": {
    severity: "error",
    summary: "an attribute is both set and cleared",
  },
  "attributes-nothing-to-do": {
    severity: "error",
    summary: "an attributes step sets and clears nothing",
  },
  "service-nothing-to-do": {
    severity: "error",
    summary: "a service step sets neither start type nor state",
  },
  "service-default-unknown": {
    severity: "error",
    summary: "startType not-disabled names a service whose shipped start type kbfix does not know",
  },
  "probe-nothing-to-test": {
    severity: "error",
    summary: "a probe has nothing to decide by (service-state, command)",
  },
  "command-not-system": {
    severity: "error",
    summary: "a command probe's program is not under %windir% or %SystemRoot%",
  },
  "command-changes-state": {
    severity: "error",
    summary: "a command probe runs a tool with a verb that changes the machine",
  },
  "command-not-known-read-only": {
    severity: "warning",
    summary: "a command probe runs a tool or verb kbfix does not know to be read-only",
  },
  "certificate-match": {
    severity: "error",
    summary: "a certificate is not named by exactly one of thumbprint or subject",
  },
  "registry-data": { severity: "error", summary: "registry data does not fit its value type" },
  "bad-new-name": { severity: "error", summary: "a rename's new name is . or .." },
  "unknown-parameter": { severity: "error", summary: "a step refers to an undeclared parameter" },
  "unsafe-argument": {
    severity: "error",
    summary: "a run argument holds a control character a command line cannot carry",
  },
  "unknown-argument-variable": {
    severity: "error",
    summary: "a program argument names a %variable% that is not a base, or has a single %",
  },
  "broad-pattern": { severity: "warning", summary: "a delete-files pattern matches every file" },

  // Semantic checks
  "duplicate-id": { severity: "error", summary: "two methods, steps or probes share an id" },
  "unknown-evidence": {
    severity: "error",
    summary: "a guard or verify names evidence that does not exist",
  },
  "bad-verify": {
    severity: "error",
    summary: "a verify probe that cannot tell whether the step stuck",
  },
  "missing-guard": { severity: "error", summary: "a one-shot step has no guard" },
  "destructive-path-base": {
    severity: "error",
    summary: "a destructive step works under a parameter path",
  },
  "protected-path": {
    severity: "error",
    summary: "a destructive step targets a base folder or one Windows does not rebuild",
  },
  "cmd-unsafe-value": {
    severity: "warning",
    summary:
      "a value batch cannot carry: the batch script reports its step as manual, or does not check its probe",
  },
  "cmd-unsupported": {
    severity: "warning",
    summary:
      "a step or probe has no batch form; the batch script reports the step as manual, or does not check the probe",
  },
  "unused-parameter": { severity: "warning", summary: "a parameter is declared but never used" },
  "bad-default": { severity: "error", summary: "a parameter's default does not fit its type" },
  "bad-pattern": { severity: "error", summary: "a parameter's pattern is not a valid regex" },
  "enum-without-values": { severity: "error", summary: "an enum parameter lists no values" },
  "required-with-default": {
    severity: "warning",
    summary: "a required parameter also has a default",
  },
  "bad-range": { severity: "error", summary: "a Windows version range has min above max" },
  "never-applies": {
    severity: "warning",
    summary: "a method, step or probe applies only to Windows versions around it excluded",
  },
  "unknown-build": {
    severity: "warning",
    summary: "a Windows range names a build its NT version never had",
  },
  "evidence-gap": {
    severity: "warning",
    summary: "no detection probe applies on some Windows the playbook applies to",
  },
  "localized-token": {
    severity: "warning",
    summary: "a probe matches message text that Windows translates",
  },
  "windows-update-log-etw": {
    severity: "warning",
    summary: "a probe reads WindowsUpdate.log, which Windows 10 and later keep as an ETW trace",
  },

  // The whole run
  "id-file-mismatch": {
    severity: "warning",
    summary: "the playbook id differs from the file name",
  },
  "no-such-path": { severity: "error", summary: "a path on the command line does not exist" },
  "no-playbooks": { severity: "error", summary: "no *.yaml playbooks were found" },
  "deploy-route-size": {
    severity: "warning",
    summary: "an emitted script is over the size limit of a deployment route",
  },
  "deploy-gpo-time-budget": {
    severity: "warning",
    summary: "the remediation's worst case is longer than Group Policy gives startup scripts",
  },
  "deploy-parameter-unset": {
    severity: "warning",
    summary: "a parameter the scripts read has no default, and some routes pass no arguments",
  },
  // The site file (kbfix compile --site)
  "site-shape": {
    severity: "error",
    summary: "the site file is not playbook ids over parameter names and values",
  },
  "site-unknown-parameter": {
    severity: "error",
    summary: "the site file gives a value for a parameter the playbook does not declare",
  },
  "site-bad-value": {
    severity: "error",
    summary: "a site value is not one the parameter accepts",
  },
  "site-unknown-playbook": {
    severity: "warning",
    summary: "the site file names a playbook id no compiled playbook has",
  },
  "todo-placeholder": {
    severity: "warning",
    summary: "a TODO placeholder from the scaffold is still in the playbook",
  },
  "emit-value": {
    severity: "error",
    summary: "a value passed every check but the target script cannot carry it exactly",
  },
  "internal-error": {
    severity: "error",
    summary: "kbfix itself failed on this playbook (a bug, reported as a diagnostic)",
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type DiagnosticCode = keyof typeof diagnosticCodes;

export const DIAGNOSTICS_DOC = "docs/diagnostics.md";

/** Where a code is explained: its section in docs/diagnostics.md (the heading is the code). */
export function diagnosticDocsAnchor(code: DiagnosticCode): string {
  return `${DIAGNOSTICS_DOC}#${code}`;
}
