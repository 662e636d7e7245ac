// Handlebars' code generator with one change: a helper's options carry no source location.
// The stock compiler writes `loc: { start: { line, column }, end: { line, column } }` into the
// options literal of every helper call, three objects per `{{helper value}}`, `{{#if}}` and
// `{{#each}}` rendered; nothing reads it (Handlebars' own helpers and kbfix's never do, and a
// failure is placed by the view being rendered: atContext in templates.ts). Every other part
// of the generated code, the strict lookups' locations included, is the stock compiler's.
import type Handlebars from "handlebars";

type Compiler = { new (): object; call(self: object): void };

interface CompilerMethods {
  setupParams(helper: string, paramSize: number, params: unknown[] | undefined): object;
  objectLiteral(options: object): unknown;
  useRegister(name: string): void;
}

/** A JavaScriptCompiler whose helper options omit `loc`; nested programs compile with it too. */
export function compilerWithoutHelperLocations(hb: typeof Handlebars): Compiler {
  const Stock = (hb as unknown as { JavaScriptCompiler: Compiler }).JavaScriptCompiler;
  function Quiet(this: object) {
    Stock.call(this);
  }
  Quiet.prototype = new Stock();
  Object.assign(Quiet.prototype, {
    compiler: Quiet,
    // Stock setupHelperArgs (handlebars 4.7) without its `options.loc = locationLiteral(this)`.
    setupHelperArgs(
      this: CompilerMethods,
      helper: string,
      paramSize: number,
      params: unknown[] | undefined,
      useRegister: boolean,
    ) {
      const options = this.objectLiteral(this.setupParams(helper, paramSize, params));
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
  return Quiet as unknown as Compiler;
}
