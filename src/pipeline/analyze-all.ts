// The front end over many playbooks (validate, list, explain, compile): find the playbooks, analyse
// each, and report paths that do not exist as diagnostics too.
import { diagnostic, type Diagnostic } from "../diagnostic.js";
import { analyzePlaybook, type Analysis } from "./analyze.js";
import { findPlaybooks } from "../front/find-playbooks.js";

export const DEFAULT_PLAYBOOKS = ["playbooks"];

export function analyzeAll(paths: readonly string[]): {
  analyses: Analysis[];
  diagnostics: Diagnostic[];
} {
  const { files, missing } = findPlaybooks(paths.length ? paths : DEFAULT_PLAYBOOKS);
  const analyses = files.map((file) => analyzePlaybook(file));
  const diagnostics = [
    ...missing.map((path) =>
      diagnostic(
        path,
        { line: 1, column: 1 },
        "error",
        "no-such-path",
        `no such file or folder '${path}'`,
        "check the path; folders are searched for *.yaml",
      ),
    ),
    ...analyses.flatMap((a) => a.diagnostics),
  ];
  if (!files.length && !missing.length) {
    diagnostics.push(
      diagnostic(
        paths[0] ?? "playbooks",
        { line: 1, column: 1 },
        "error",
        "no-playbooks",
        "no *.yaml playbooks found",
        "run `kbfix new <id>` to start one",
      ),
    );
  }
  return { analyses, diagnostics };
}
