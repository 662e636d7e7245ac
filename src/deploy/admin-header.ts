// The administrators' scripts carry the same provenance header as the scripts they deploy.
import { templates } from "../emit/templates.js";
import { playbookView } from "../emit/view.js";
import type { Plan } from "../plan/plan.js";

export function adminHeader(plan: Plan): string {
  return templates().render("ps1/partials/header", playbookView(plan, "ps1"));
}
