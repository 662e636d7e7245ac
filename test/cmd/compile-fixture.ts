// Compiles a playbook (or a variant of its plan) through the real front end and
// back end into a folder, as `kbfix compile` would write out/<id>/.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzePlaybook } from "../../src/pipeline.js";
import { compilePlan } from "../../src/pipeline.js";
import type { Plan } from "../../src/plan/plan.js";

export interface Compiled {
  plan: Plan;
  fix: string;
  launch: string;
}

export function loadPlan(id: string): Plan {
  const analysis = analyzePlaybook(`playbooks/${id}.yaml`);
  if (!analysis.plan) throw new Error(`${id}: ${JSON.stringify(analysis.diagnostics)}`);
  return analysis.plan;
}

/** Writes every file of out/<id>/ under `dir`; `variant` may change the plan first. */
export function compileTo(dir: string, id: string, variant?: (plan: Plan) => void): Compiled {
  const plan = loadPlan(id);
  variant?.(plan);
  for (const file of compilePlan(plan)) {
    const path = join(dir, file.path);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, file.bytes);
  }
  return {
    plan,
    fix: join(dir, id, `${id}.fix.cmd`),
    launch: join(dir, id, `${id}.launch.cmd`),
  };
}
