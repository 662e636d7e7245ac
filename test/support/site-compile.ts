// Compiles seed playbooks with a site file, as `kbfix compile --site` does: writes the file of
// `values` (playbook id -> parameter -> value) into `dir`, compiles, writes out/<id>/ under
// `dir/out`, and returns that folder. Throws with the diagnostics when there is an error.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dump } from "js-yaml";
import { compilePlaybooks } from "../../src/pipeline/compile-all.js";

export type SiteValues = Record<string, Record<string, string | number | boolean>>;

export function compileWithSite(dir: string, playbooks: string[], values: SiteValues): string {
  const site = join(dir, "site.yaml");
  writeFileSync(site, dump(values));
  const compiled = compilePlaybooks(playbooks, site);
  const errors = compiled.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) throw new Error(JSON.stringify(errors, null, 2));
  const out = join(dir, "out");
  for (const file of compiled.files) {
    mkdirSync(join(out, file.path, ".."), { recursive: true });
    writeFileSync(join(out, file.path), file.bytes);
  }
  return out;
}
