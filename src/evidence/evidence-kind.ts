// What every evidence (detection probe) kind declares, like a step kind: schema,
// docs, which targets can probe it, lowering, and a line for explain.
import type { KindReadme } from "../model/kind-readme.js";
import type { KindRuntimeCut } from "../model/runtime-cut.js";
import type { Span } from "../diagnostic.js";
import type { Applicability } from "../model/applicability.js";
import type { FromProperties, JsonSchema } from "../model/json-schema.js";
import { type PsCall } from "../model/ps-call.js";
import type { CmdCall } from "../model/cmd-call.js";
import type { CmdValueKind } from "../model/cmd-safe.js";
import type { LowerContext, TargetSupport } from "../steps/step-kind.js";

export interface PlanProbeBase {
  id: string;
  kind: string;
  span: Span;
  /** Where each of its fields was written (plan/field-spans.ts). */
  fieldSpans?: Record<string, Span>;
  /** Where the probe can look; elsewhere it is not applicable: neither evidence nor clean. */
  applies?: Applicability;
}

export type PlanEvidence =
  | { kind: "any" | "all"; items: PlanEvidence[]; span: Span }
  | (PlanProbeBase & Record<string, unknown>);

export interface EvidenceKind<Raw = any, Lowered extends PlanProbeBase = any> {
  readonly kind: string;
  readonly title: string;
  /** Its row in the README's table of evidence kinds (written by npm run generate). */
  readonly readme: KindReadme;
  readonly description: string;
  readonly targets: TargetSupport;
  /**
   * History evidence (events, log lines) stays after a fix: it counts only when newer than
   * the last run that changed something. Live evidence (a state) is read as it is now.
   */
  readonly history: boolean;
  readonly properties: Record<string, JsonSchema>;
  readonly required: readonly string[];
  /**
   * Fields whose values enter a batch script, each with what its value is to batch (a program's
   * switches, tokens searched for in output, text with a / inside), which decides the whitelist
   * it is checked against (model/cmd-safe.ts).
   */
  readonly cmdFields: Readonly<Record<string, CmdValueKind>>;
  /**
   * Properties that lowering renames or folds into another plan field: the playbook's name ->
   * the plan's (the batch whitelist and the convention test follow a property there).
   */
  readonly planFields?: Readonly<Record<string, string>>;
  /** Fields holding tokens searched for in text (the language-neutral-tokens check). */
  readonly textTokenFields?: readonly string[];
  /** Runtime functions only a feature of some of its probes reaches (model/runtime-cut.ts). */
  readonly runtimeCuts?: readonly KindRuntimeCut<Lowered>[];
  /** How the PowerShell runtime probes it; Id is added for it. */
  readonly ps1: PsCall<Lowered>;
  /** How the batch runtime probes it (kinds with targets.cmd); the id and result variable are added. */
  readonly cmd?: CmdCall<Lowered>;
  lower(raw: Raw, ctx: LowerContext): Omit<Lowered, keyof PlanProbeBase> | undefined;
  /** "the problem is present when ..." */
  describe(probe: Lowered): string;
}

/** An EvidenceKind whose `lower` reads the raw input its own properties describe. */
export type EvidenceKindSpec<P, R extends readonly string[], Lowered extends PlanProbeBase> = Omit<
  EvidenceKind<FromProperties<P, R[number]>, Lowered>,
  "properties" | "required"
> & { readonly properties: P; readonly required: R };

/** `defineEvidenceKind<LoweredProbe>()({ ... })`: the raw input type comes from the properties. */
export function defineEvidenceKind<Lowered extends PlanProbeBase>() {
  return <
    const P extends Record<string, JsonSchema>,
    const R extends readonly (keyof P & string)[],
  >(
    kind: EvidenceKindSpec<P, R, Lowered>,
  ): EvidenceKind<FromProperties<P, R[number]>, Lowered> => kind;
}
