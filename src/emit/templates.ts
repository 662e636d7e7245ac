// One Handlebars environment for all targets: noEscape (HTML escaping corrupts
// scripts), strict (a missing field is an error, not an empty string), every
// template under templates/ registered as a partial by its path.
import Handlebars from "handlebars";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";
import { BLOCK_HELPERS, CMD_HELPERS, PS_HELPERS } from "./helpers.js";
import { cmdProbeCall, cmdStepCall } from "./cmd/cmd-call-text.js";
import { mdCode, mdCodeCell, mdText } from "./markdown.js";
import { EmitError } from "./bytes.js";
import { QuoteError } from "./quote-ps.js";
import type { Span } from "../diagnostic.js";
import { templateCompiler } from "./template-compiler.js";
import { arrayEach } from "./each-helper.js";

export const TEMPLATES_DIR = join(PACKAGE_ROOT, "templates");

// Filled in after rendering, once the body shows which runtime it reaches. NUL never
// comes out of a quoting function, so a playbook value cannot forge a slot.
export const RUNTIME_SECTION_SLOT = "\u0000runtime-section\u0000";
export const RUNTIME_SHA256_SLOT = "\u0000runtime-sha256\u0000";

export type Render = (name: string, view: unknown) => string;

interface Templates {
  render: Render;
}

let cached: Templates | undefined;

/** Template name = path under templates/ without .hbs, with forward slashes. */
export function templateFiles(dir = TEMPLATES_DIR): { name: string; path: string }[] {
  const walk = (d: string): string[] =>
    readdirSync(d)
      .sort()
      .flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir)
    .filter((p) => p.endsWith(".hbs"))
    .map((path) => ({
      name: relative(dir, path)
        .replace(/\\/g, "/")
        .replace(/\.hbs$/, ""),
      path,
    }));
}

/** A quoting failure, placed at the step, probe, method or parameter being rendered. */
function atContext(error: unknown, context: unknown): unknown {
  if (!(error instanceof QuoteError || error instanceof EmitError) || (error as EmitError).span)
    return error;
  const span = (context as { span?: Span } | null)?.span;
  return new EmitError(error.message, span);
}

/**
 * Helpers written for a value that may be absent (an optional field: $null, $false, no guard).
 * Any other helper given undefined means the template named a field the view lacks: strict mode
 * does not catch that, since Handlebars checks only bare {{field}} paths, never a helper's value.
 */
const TAKES_ABSENT = new Set(["psOrNull", "psBool", "psGuard"]);

function missingValue(helper: string): EmitError {
  return new EmitError(
    `template error: {{${helper} ...}} was given no value (a field the view lacks)`,
  );
}

export function templates(): Templates {
  if (cached) return cached;
  const hb = Handlebars.create();
  const own: Record<string, Handlebars.HelperDelegate> = {};
  for (const [name, fn] of Object.entries({ ...PS_HELPERS, ...CMD_HELPERS }))
    own[name] = function (this: unknown, value: unknown) {
      try {
        // Handlebars passes its options last; every value helper takes one value. `arguments`,
        // not a rest parameter: no array made per call on the path every value takes.
        if (value === undefined && !TAKES_ABSENT.has(name)) throw missingValue(name);
        if (arguments.length === 2) return fn(value);
        return fn(...Array.prototype.slice.call(arguments, 0, -1));
      } catch (error) {
        throw atContext(error, this);
      }
    };
  const partial = (name: string, view: unknown) => render(`cmd/partials/${name}`, view);
  const calls = { cmdStepCall, cmdProbeCall };
  for (const [name, fn] of Object.entries(calls))
    own[name] = function (this: unknown, view: any) {
      try {
        return fn(view, partial);
      } catch (error) {
        throw atContext(error, this);
      }
    };
  own.runtimeSection = () => RUNTIME_SECTION_SLOT;
  own.runtimeSha256 = () => RUNTIME_SHA256_SLOT;
  own.md = (v: string) => mdText(v);
  own.mdCode = (v: string) => mdCode(v);
  own.mdCodeCell = (v: string) => mdCodeCell(v);
  // A script parameter as it is typed on the command line: -Name.
  own.mdParameter = (v: string) => mdCode(`-${v}`);
  hb.registerHelper(own);
  // Every helper in `own` ignores its options: calls to them share one empty options object.
  (hb as unknown as { JavaScriptCompiler: unknown }).JavaScriptCompiler = templateCompiler(
    hb,
    new Set(Object.keys(own)),
  );
  const options = compileOptions(hb);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const { name, path } of templateFiles()) {
    const source = readFileSync(path, "utf8").replace(/\r\n/g, "\n");
    // arrayEach gives no block parameters: a template declaring them is refused, not misrendered.
    if (/\{\{#[^}]*\bas\s*\|/.test(source)) throw new Error(`${name}: declares block parameters`);
    const template = hb.compile(source, options);
    hb.registerPartial(name, partialOf(name, source, template));
    compiled.set(name, template);
  }
  const asPartial = partialOptions(hb, options, own);
  const render: Render = (name, view) => {
    const template = compiled.get(name);
    if (!template) throw new Error(`no template '${name}'`);
    return template(view, { ...asPartial, data: { root: view } });
  };
  cached = { render };
  return cached;
}

/**
 * noEscape (HTML escaping corrupts scripts), strict (a missing field is an error), and every
 * helper named as known: a mustache then calls its helper directly instead of asking at each
 * render whether a helper or a field of that name exists, and a template naming a helper that
 * is not registered fails to compile instead of rendering a field. Partials compile with the
 * options of the template that first calls them.
 */
function compileOptions(hb: typeof Handlebars): CompileOptions {
  const knownHelpers = Object.fromEntries(Object.keys(hb.helpers).map((name) => [name, true]));
  return { noEscape: true, strict: true, knownHelpers, knownHelpersOnly: true };
}

/**
 * What Handlebars hands a partial it calls: the helpers as wrapped for a render, the partials,
 * decorators, hooks and prototype-access rules. A template called with these options renders
 * as that partial would, without the setup of a top-level render, which wraps every registered
 * helper in a new closure each time: about 60 helpers at each of the ~19 renders of a playbook
 * (nested batch partials included) were an eighth of what compile allocates. Taken once, from
 * a real partial call, so the values are the ones Handlebars makes; `data` is each render's
 * own, as a top-level render makes it ({ root }).
 */
function partialOptions(
  hb: typeof Handlebars,
  options: CompileOptions,
  own: Record<string, Handlebars.HelperDelegate>,
): RuntimeOptions {
  const name = "kbfix-partial-options"; // not a path under templates/: no template has it
  let given: Record<string, unknown> | undefined;
  hb.registerPartial(name, ((_context: unknown, passed: Record<string, unknown>) => {
    given = passed;
    return "";
  }) as Handlebars.Template);
  hb.compile(`{{> ${name}}}`, options)({});
  hb.unregisterPartial(name);
  if (!given) throw new Error("Handlebars did not call the partial");
  const { helpers, partials, decorators, hooks, protoAccessControl } = given;
  // The block helpers as registered, not as wrapped for a render: the wrapper adds
  // `lookupProperty` to their options at every call, and of the built-ins only `lookup` reads it.
  const blocks = {
    ...Object.fromEntries(BLOCK_HELPERS.map((name) => [name, hb.helpers[name]])),
    each: arrayEach(hb),
  };
  return {
    partial: true,
    // Handlebars' wrapper gives a helper's options `lookupProperty` (the built-in helpers read
    // it) by rewriting `arguments` on every call; kbfix's own helpers never read it.
    helpers: { ...(helpers as object), ...blocks, ...own },
    partials,
    decorators,
    hooks,
    protoAccessControl,
  } as RuntimeOptions;
}

/** How a template is registered as a partial: by its source, unless one of the cases below. */
function partialOf(
  name: string,
  source: string,
  template: HandlebarsTemplateDelegate,
): string | Handlebars.Template {
  if (isStatic(source)) return staticPartial(template);
  if (SAME_FOR_SAME_VIEW.test(name)) return onePerView(name, source, template);
  return source;
}

/**
 * Partials whose text depends on their view object alone. The PowerShell detection (the probes
 * of Invoke-KbDetection) is in the remediation, the detection script and the application's
 * detection script: with one view shared by the three (sharingViews), it is rendered once.
 */
const SAME_FOR_SAME_VIEW = /^ps1\/probes\//;

/**
 * The partial's text for a view object, rendered on its first call. Views are only read once
 * built (view.ts), so the same object renders the same text; a view built anew (another
 * compile, a changed plan) is another key. A template that reads beyond its view (`../`, `@`
 * data) could differ between calls, so one is refused here.
 */
function onePerView(
  name: string,
  source: string,
  template: HandlebarsTemplateDelegate,
): Handlebars.Template {
  if (/\{\{[^}]*(\.\.\/|@)/.test(source))
    throw new Error(`${name}: reads beyond its view; it cannot be rendered once per view`);
  const texts = new WeakMap<object, string>();
  return ((view: object, options: RuntimeOptions) => {
    let text = texts.get(view);
    if (text === undefined) texts.set(view, (text = template(view, options)));
    return text;
  }) as Handlebars.Template;
}

/** No mustache, no comment: the template's output is its text whatever the view. */
function isStatic(source: string): boolean {
  return !source.includes("{{");
}

/** A static template as a partial: its text, rendered once. */
function staticPartial(template: HandlebarsTemplateDelegate): Handlebars.Template {
  const text = template({});
  return (() => text) as Handlebars.Template;
}
