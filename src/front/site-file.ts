// A site file (`kbfix compile --site site.yaml`): this site's values for playbook parameters,
// which the compiled scripts then carry as the parameters' defaults, so routes that start a
// script without arguments (Intune, ConfigMgr configuration items) still give it the value.
//
//   kb977203:
//     CcmCertFixFolder: '\\sccm01\KB977203$'
//
// Read with the playbook loader (same limits, same positions); this module checks only the
// shape. Whether a value fits its parameter is decided against the plan (check/site-values.ts).
import { diagnostic, type Diagnostic, type Span } from "../diagnostic.js";
import { loadPlaybookFile } from "./load.js";
import { pointerOf } from "./source-map.js";

/** One value of the site file, with where its key and value were written. */
export interface SiteValue {
  playbook: string;
  parameter: string;
  value: string | number | boolean;
  keySpan: Span;
  valueSpan: Span;
}

export interface SiteFile {
  file: string;
  values: SiteValue[];
  /** Where each playbook id was written, to point at one no compiled playbook has. */
  playbooks: Map<string, Span>;
  diagnostics: Diagnostic[];
}

const HINT = "write `<playbook id>:` and below it `<Parameter>: <value>` lines";

const isMapping = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The loader's words are a playbook's; here the file is the site file. */
function aboutSiteFile(d: Diagnostic): Diagnostic {
  const reword = (text: string) =>
    text
      .replace(/\bplaybook file\b/g, "site file")
      .replace(/\bplaybooks\b/g, "site files")
      .replace(/\bplaybook\b/g, "site file");
  return { ...d, message: reword(d.message), ...(d.hint ? { hint: reword(d.hint) } : {}) };
}

export function loadSiteFile(path: string): SiteFile {
  const loaded = loadPlaybookFile(path);
  const site: SiteFile = { file: loaded.file, values: [], playbooks: new Map(), diagnostics: [] };
  site.diagnostics.push(...loaded.diagnostics.map(aboutSiteFile));
  if (!isMapping(loaded.value)) return site;
  const shape = (span: Span, message: string) =>
    site.diagnostics.push(diagnostic(site.file, span, "error", "site-shape", message, HINT));
  for (const [playbook, parameters] of Object.entries(loaded.value)) {
    site.playbooks.set(playbook, loaded.map.key(pointerOf([playbook])));
    if (!isMapping(parameters)) {
      shape(loaded.map.value(pointerOf([playbook])), `'${playbook}' must hold parameter values`);
      continue;
    }
    for (const [parameter, value] of Object.entries(parameters)) {
      const at = pointerOf([playbook, parameter]);
      if (!["string", "number", "boolean"].includes(typeof value)) {
        shape(
          loaded.map.value(at),
          `the value of '${parameter}' must be one text, number or switch`,
        );
        continue;
      }
      const typed = value as SiteValue["value"];
      site.values.push({
        playbook,
        parameter,
        value: typed,
        keySpan: loaded.map.key(at),
        valueSpan: loaded.map.value(at),
      });
    }
  }
  return site;
}
