// The typed plan: what the back ends consume. Built from a validated playbook by
// lower.ts; nothing downstream re-reads YAML, and nothing here knows a target.
import type { Span } from "../diagnostic.js";
import type { PlanEvidence } from "../evidence/evidence-kind.js";
import type { Applicability } from "../model/applicability.js";
import type { FieldSpans } from "./field-spans.js";
import type { PlanStep } from "../steps/index.js";

export type Target = "ps1" | "cmd";
export type Risk = "low" | "medium" | "high";
export type Reboot = "none" | "soft" | "hard";

export type { Applicability } from "../model/applicability.js";

export interface PlanParameter {
  name: string;
  type: "string" | "path" | "int" | "enum" | "switch";
  description: string;
  required: boolean;
  default?: string | number | boolean;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  values?: string[];
  /** The default came from the site file (kbfix compile --site), not the playbook. */
  site?: boolean;
  span: Span;
  fieldSpans?: FieldSpans;
}

export interface PlanMethod {
  id: string;
  kbMethod: number;
  title: string;
  summary?: string;
  risk: Risk;
  reboot: Reboot;
  /** Own applicability only; the playbook's applies on top of it. */
  applies: Applicability;
  services: string[];
  /** Started at the end of the method whatever their state was (after `services` restart). */
  startAtEnd: string[];
  steps: PlanStep[];
  span: Span;
  fieldSpans?: FieldSpans;
}

export interface Plan {
  file: string;
  sha256: string;
  schemaVersion: number;
  id: string;
  title: string;
  kb: number[];
  source: { url: string; revision: string; language?: string; notes: string[] };
  summary: string;
  targets: Target[];
  applies: Applicability;
  parameters: PlanParameter[];
  detection: PlanEvidence;
  strategy: "escalate" | "all";
  methods: PlanMethod[];
  /** Where the playbook's own fields were written (id, title, source, ...). */
  fieldSpans: FieldSpans;
}
