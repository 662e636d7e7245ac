// kbfix report's pipeline: the inputs are read one file at a time; each result file or CSV row
// becomes a small run summary, only the latest per machine and playbook is kept, and the
// figures are computed from those at the end. No document outlives its own parsing.
import { aggregate } from "./aggregate.js";
import { REPORT_VERSION, type FleetReport } from "./fleet-report.js";
import { inputFiles, type WalkCounts } from "./input-files.js";
import { InputProblems } from "./input-problems.js";
import { readIntuneCsv, type CsvCounts } from "./intune-csv.js";
import { LadderOrder } from "./ladder-order.js";
import { LatestRuns } from "./latest-runs.js";
import { readBounded } from "./read-bounded.js";
import { parseResultDocument } from "./result-document.js";
import { StepFactsTable } from "./step-facts.js";

export interface RollUpOptions {
  /** Result files larger than this are skipped (and named). */
  maxFileBytes: number;
  /** How many of the most failing steps each playbook lists. */
  top: number;
}

export const DEFAULT_ROLL_UP: RollUpOptions = { maxFileBytes: 5 * 1024 * 1024, top: 10 };

export function rollUp(
  inputs: readonly string[],
  options: RollUpOptions = DEFAULT_ROLL_UP,
): FleetReport {
  const problems = new InputProblems();
  const walk: WalkCounts = { ignoredFiles: 0 };
  const csv: CsvCounts = { rows: 0 };
  const latest = new LatestRuns();
  const ladders = new LadderOrder();
  const stepTable = new StepFactsTable(ladders);
  let resultFiles = 0;
  let csvFiles = 0;
  let runs = 0;
  let legacyRuns = 0;
  for (const file of inputFiles(inputs, problems, walk)) {
    if (file.kind === "csv") {
      csvFiles++;
      readIntuneCsv(
        file.path,
        (run) => {
          runs++;
          latest.add(run);
        },
        problems,
        csv,
      );
      continue;
    }
    resultFiles++;
    const read = readBounded(file.path, options.maxFileBytes);
    if (!read.ok) {
      problems.add(read.kind, file.path, read.message);
      continue;
    }
    const parsed = parseResultDocument(read.text, file, stepTable);
    if (!parsed.ok) {
      problems.add(parsed.kind, file.path, parsed.message);
      continue;
    }
    runs++;
    if (parsed.schemaVersion === 0) legacyRuns++;
    latest.add(parsed.run);
  }
  return {
    reportVersion: REPORT_VERSION,
    inputs: {
      resultFiles,
      csvFiles,
      csvRows: csv.rows,
      runs,
      legacyRuns,
      superseded: latest.superseded,
      machines: latest.size,
      ignoredFiles: walk.ignoredFiles,
      problems: problems.total,
    },
    playbooks: aggregate(latest.values(), ladders, options.top),
    problemCounts: problems.countsByKind(),
    problems: problems.list(),
  };
}
