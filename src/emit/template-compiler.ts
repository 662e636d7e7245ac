// Handlebars' code generator with two changes to the options a helper call is given:
// - No source location. The stock compiler writes `loc: { start: { line, column }, end:
//   { line, column } }` into the options literal of every helper call, three objects per
//   `{{helper value}}`, `{{#if}}` and `{{#each}}` rendered; nothing reads it (Handlebars' own
//   helpers and kbfix's never do, and a failure is placed by the view being rendered:
//   atContext in templates.ts).
// - For kbfix's own helpers, which take their values and never read the options (templates.ts
//   passes them only the values), one shared empty object instead of a new literal per call.
// Every other part of the generated code, the strict lookups' locations included, is the
// stock compiler's.
import type Handlebars from "handlebars";

type Compiler = { new (): object; call(self: object): void };

interface CompilerMethods {
  setupParams(helper: string, paramSize: number, params: unknown[] | undefined): object;
  objectLiteral(options: object): unknown;
  useRegister(name: string): void;
}

/** The JavaScriptCompiler for kbfix's templates; nested programs compile with it too. */
export function templateCompiler(
  hb: typeof Handlebars,
  /** Helpers that never read their options. */
  optionless: ReadonlySet<string>,
): Compiler {
  const Stock = (hb as unknown as { JavaScriptCompiler: Compiler }).JavaScriptCompiler;
  function Kbfix(this: object) {
    Stock.call(this);
  }
  Kbfix.prototype = new Stock();
  Object.assign(Kbfix.prototype, {
    compiler: Kbfix,
    // Stock setupHelperArgs (handlebars 4.7) without its `options.loc = locationLiteral(this)`;
    // setupParams still runs, as it takes the call's values off the compiler's stack.
    setupHelperArgs(
      this: CompilerMethods,
      helper: string,
      paramSize: number,
      params: unknown[] | undefined,
      useRegister: boolean,
    ) {
      const literal = this.objectLiteral(this.setupParams(helper, paramSize, params));
      const options = optionless.has(helper) ? "container.nullContext" : literal;
      if (useRegister) {
        this.useRegister("options");
        params!.push("options");
        return ["options=", options];
      } else if (params) {
        params.push(options);
        return "";
      }
      return options;
    },
  });
  return Kbfix as unknown as Compiler;
}
