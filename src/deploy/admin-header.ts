// The administrators' scripts carry the same provenance header as the scripts they deploy.
import { templates } from "../emit/templates.js";
import { playbookView, type PlaybookView } from "../emit/view.js";
import type { Plan } from "../plan/plan.js";

/**
 * Three admin scripts of one compile read the same view (sharingViews hands out one per emit),
 * so the header is rendered once per view. Safe: templates only read a view, and a plan
 * changed and emitted again gets a new view, hence a new header.
 */
const rendered = new WeakMap<PlaybookView, string>();

export function adminHeader(plan: Plan): string {
  const view = playbookView(plan, "ps1");
  let header = rendered.get(view);
  if (header === undefined) {
    header = templates().render("ps1/partials/header", view);
    rendered.set(view, header);
  }
  return header;
}
