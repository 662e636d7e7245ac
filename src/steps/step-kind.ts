// What every step kind declares (after DSC resource manifests and
// typescript-eslint rules): its schema fragment and docs, how it is made
// idempotent, which targets can express it, and its lowering into the plan.
import type { KindReadme } from "../model/kind-readme.js";
import type { KindRuntimeCut } from "../model/runtime-cut.js";
import type { Span } from "../diagnostic.js";
import type { StepWait } from "../model/runtime-waits.js";
import type { PathExpr } from "../model/path-expr.js";
import type { FromProperties, JsonSchema } from "../model/json-schema.js";
import type { Applicability } from "../model/applicability.js";
import type { PsCall } from "../model/ps-call.js";
import type { CmdCall } from "../model/cmd-call.js";
import type { CmdValueKind } from "../model/cmd-safe.js";
import type { DiagnosticCode } from "../diagnostic-codes.js";

export type Idempotence =
  /** The step reads the state, changes it only when it differs, then reads it again. */
  | "state"
  /** The step is an action: it runs only behind a guard (evidence, creates, removes). */
  | "one-shot"
  /** The step changes nothing: it is reported (manual guidance). */
  | "report"
  /** The step is as idempotent as the steps it holds (per-user). */
  | "composite";

export type TargetSupport = { cmd: true } | { cmd: false; why: string };

export type PlanGuard =
  | { kind: "evidence"; id: string }
  | { kind: "creates"; path: PathExpr }
  | { kind: "removes"; path: PathExpr };

/**
 * A one-shot step's verification: a live probe that must find no problem after the step ran.
 * Written inline, or as the id of a detection probe (`ref`), whose copy lowering puts in `probe`.
 */
export interface PlanVerify {
  ref?: string;
  probe?: { id: string; kind: string; span: Span } & Record<string, unknown>;
  span: Span;
}

export interface PlanStepBase {
  id: string;
  kind: string;
  title?: string;
  guard?: PlanGuard;
  /** One-shot steps only: what must be clean after the step ran. */
  verify?: PlanVerify;
  /** Step-level applicability on top of the method's (e.g. a Windows 2000-only note). */
  applies?: Applicability;
  span: Span;
  /** Where each of its fields was written (plan/field-spans.ts). */
  fieldSpans?: Record<string, Span>;
  /** Set when the step's own lowering reported an error; later stages skip it. */
  invalid?: boolean;
}

export interface LowerContext {
  /** Parses a path field; reports and returns undefined when it is not a rooted path. */
  path(field: string, value: string): PathExpr | undefined;
  /** Reports a problem with one field of the step. */
  error(field: string, code: DiagnosticCode, message: string, hint?: string): void;
  warning(field: string, code: DiagnosticCode, message: string, hint?: string): void;
  /** Declared parameters by name, with their type. */
  parameterType(name: string): string | undefined;
  /** True inside a per-user step, where %profile% is the base. */
  readonly inPerUser: boolean;
  /** Lowers nested steps (per-user). */
  lowerSteps(field: string, raw: unknown[]): PlanStepBase[];
}

export interface StepKind<Raw = any, Lowered extends PlanStepBase = any> {
  readonly kind: string;
  readonly title: string;
  readonly description: string;
  readonly idempotence: Idempotence;
  /** Its row in the README's table of step kinds (written by npm run generate). */
  readonly readme: KindReadme & {
    /** Said after the idempotence, e.g. "(nothing matches)". */
    readonly idempotence?: string;
  };
  readonly targets: TargetSupport;
  /** The kind's own properties (id, kind, title, guard and applies are common). */
  readonly properties: Record<string, JsonSchema>;
  readonly required: readonly string[];
  /**
   * Fields whose values enter a batch script, each with what its value is to batch, which
   * decides the whitelist it is checked against (model/cmd-safe.ts).
   */
  readonly cmdFields: Readonly<Record<string, CmdValueKind>>;
  /**
   * Properties that lowering renames or folds into another plan field: the playbook's name ->
   * the plan's (the convention test follows a property there).
   */
  readonly planFields?: Readonly<Record<string, string>>;
  /**
   * The kind starts a program and judges it by its exit code: it then has a successCodes
   * property (success-codes.ts) that its PowerShell call and batch template honour.
   */
  readonly runsProgram?: true;
  /**
   * The step deletes or moves what this path field names (the destructive-paths check):
   * wholeFolder when the folder itself goes, not only files inside it.
   */
  readonly destructive?: { readonly field: string; readonly wholeFolder: boolean };
  /** Runtime functions only a feature of some of its steps reaches (model/runtime-cut.ts). */
  readonly runtimeCuts?: readonly KindRuntimeCut<Lowered>[];
  /** The longest waits its runtime may spend (the worst-case time of a run); none when absent. */
  readonly waits?: (step: Lowered) => readonly StepWait[];
  /** Only these kinds may appear inside a per-user step. */
  readonly perUser: boolean;
  /** Inside a per-user step it also receives the profile's SID (-ProfileSid): it changes the profile's registry hive. */
  readonly profileSid?: boolean;
  /** How the PowerShell runtime runs it; Id, Guard and the profile context are added for it. */
  readonly ps1: PsCall<Lowered>;
  /** How the batch runtime runs it (kinds with targets.cmd); the id, applies and guard are added. */
  readonly cmd?: CmdCall<Lowered>;
  lower(raw: Raw, ctx: LowerContext): Omit<Lowered, keyof PlanStepBase> | undefined;
  /** One line for `kbfix explain` and the reviewers' README: what is checked and what would change. */
  describe(step: Lowered): string;
}

/**
 * What a kind module writes: a StepKind whose `lower` reads the raw input its own `properties`
 * and `required` describe (FromProperties), so the schema and the code cannot drift apart.
 */
export type StepKindSpec<P, R extends readonly string[], Lowered extends PlanStepBase> = Omit<
  StepKind<FromProperties<P, R[number]>, Lowered>,
  "properties" | "required"
> & { readonly properties: P; readonly required: R };

/** Raw input type of a kind: the values its schema properties accept. */
export type RawOf<K> = K extends StepKind<infer Raw> ? Raw : never;

/** `defineStepKind<LoweredStep>()({ ... })`: the raw input type comes from the properties. */
export function defineStepKind<Lowered extends PlanStepBase>() {
  return <
    const P extends Record<string, JsonSchema>,
    const R extends readonly (keyof P & string)[],
  >(
    kind: StepKindSpec<P, R, Lowered>,
  ): StepKind<FromProperties<P, R[number]>, Lowered> => kind;
}
