// A site file's values for one plan: each must name a parameter the playbook declares and be a
// value that parameter accepts, as a default must, and one both scripts take as the runtimes
// take an argument. A value that passes becomes the parameter's default (and the parameter
// optional: the site gives it), so every script and every route has it without arguments.
// Diagnostics point into the site file.
import { diagnostic, type Diagnostic } from "../diagnostic.js";
import type { SiteFile, SiteValue } from "../front/site-file.js";
import { cmdSafeReason } from "../model/cmd-safe.js";
import { hasSteeringCharacter } from "../model/steering-characters.js";
import { scriptTextReason } from "../model/script-text.js";
import type { Plan, PlanParameter } from "../plan/plan.js";
import { valueProblem } from "./parameter-defaults.js";

/**
 * A folder below a drive (C:\Tools) or below a share (\\server\share\Tools), written out: the
 * scripts take a path parameter's value as it is (docs/emitted-script-rules.md#bases-in-arguments),
 * so never a root, a device path (\\?\, \\.\), a %variable% (a program or a certificate import
 * would get it unexpanded), a segment batch refuses (one starting with '..') or one Windows would
 * change (a trailing dot or space).
 */
const LITERAL_PATH = /^(?:([A-Za-z]):|\\\\([^\\]+)\\([^\\]+))((?:\\[^\\]+)+)\\?$/;
const BAD_NAME = /^\.$|^\.\.|[<>:"/|?*%]|[ .]$/;

function pathProblem(value: string): string | undefined {
  const parts = LITERAL_PATH.exec(value);
  if (!parts)
    return "is not a folder below a drive or a share (C:\\Tools, \\\\server\\share\\Tools)";
  const [, , server, share, below] = parts;
  if (server !== undefined && /^[?.]/.test(server)) return "is a device path, not a folder";
  const names = [share, ...below!.split("\\")].filter((n): n is string => !!n);
  const bad = names.find((n) => BAD_NAME.test(n));
  return bad === undefined ? undefined : `has the name '${bad}', which a path here may not have`;
}

function problemOf(
  p: PlanParameter,
  value: SiteValue["value"],
  batch: boolean,
): string | undefined {
  const typeProblem = valueProblem(p, value, "site value", batch);
  if (typeProblem || typeof value !== "string") return typeProblem;
  if (hasSteeringCharacter(value))
    return "the site value holds a control or text-direction character";
  const textProblem = scriptTextReason(value);
  if (textProblem) return `the site value ${textProblem}`;
  const path = p.type === "path" ? pathProblem(value) : undefined;
  return path && `site value '${value}' ${path}`;
}

function unknownParameter(site: SiteFile, plan: Plan, v: SiteValue): Diagnostic {
  const names = plan.parameters.map((q) => q.name).join(", ") || "none";
  return diagnostic(
    site.file,
    v.keySpan,
    "error",
    "site-unknown-parameter",
    `playbook '${plan.id}' has no parameter '${v.parameter}'`,
    `its parameters: ${names}`,
  );
}

function applyOne(
  site: SiteFile,
  plan: Plan,
  v: SiteValue,
  seen: Map<string, string>,
): Diagnostic[] {
  // PowerShell matches parameter names whatever their case, so the site file does too.
  const p = plan.parameters.find((q) => q.name.toLowerCase() === v.parameter.toLowerCase());
  if (!p) return [unknownParameter(site, plan, v)];
  const earlier = seen.get(p.name);
  if (earlier !== undefined) {
    const message = `'${v.parameter}' names parameter '${p.name}' again (after '${earlier}'): case does not matter`;
    return [diagnostic(site.file, v.keySpan, "error", "site-shape", message, "keep one of them")];
  }
  seen.set(p.name, v.parameter);
  const problem = problemOf(p, v.value, plan.targets.includes("cmd"));
  if (problem) {
    const message = `parameter '${p.name}' of '${plan.id}': ${problem}`;
    const hint = "give a value the parameter accepts, as its description says";
    return [diagnostic(site.file, v.valueSpan, "error", "site-bad-value", message, hint)];
  }
  Object.assign(p, { default: v.value, required: false, site: true });
  const batch = typeof v.value === "string" ? cmdSafeReason(v.value) : undefined;
  if (!batch || !plan.targets.includes("cmd")) return [];
  const message = `site value of '${p.name}' ${batch}: the batch script leaves the parameter out, and steps that read it are manual there`;
  const hint = "use the PowerShell script, or a value without that character";
  return [diagnostic(site.file, v.valueSpan, "warning", "cmd-unsafe-value", message, hint)];
}

/**
 * The plan with the site's values as parameter defaults (a copy: the analysis keeps its own),
 * and what was wrong with them.
 */
export function applySiteValues(
  site: SiteFile,
  plan: Plan,
): { plan: Plan; diagnostics: Diagnostic[] } {
  const values = site.values.filter((v) => v.playbook === plan.id);
  if (!values.length) return { plan, diagnostics: [] };
  const copy: Plan = { ...plan, parameters: plan.parameters.map((p) => ({ ...p })) };
  const seen = new Map<string, string>();
  const diagnostics = values.flatMap((v) => applyOne(site, copy, v, seen));
  return { plan: copy, diagnostics };
}

/** Playbook ids the site file names that no compiled playbook has (a typo, or a subset). */
export function unusedSitePlaybooks(site: SiteFile, ids: ReadonlySet<string>): Diagnostic[] {
  return [...site.playbooks]
    .filter(([id]) => !ids.has(id))
    .map(([id, span]) => {
      const cased = [...ids].find((known) => known.toLowerCase() === id.toLowerCase());
      return diagnostic(
        site.file,
        span,
        "warning",
        "site-unknown-playbook",
        `no compiled playbook has the id '${id}': its site values are not used`,
        cased
          ? `playbook ids are lower case: write '${cased}'`
          : "check the id against the playbooks' `id:` lines, or compile that playbook too",
      );
    });
}
