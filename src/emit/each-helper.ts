// `{{#each}}` over an array, as Handlebars' own helper renders it, without the garbage of each
// iteration: the stock helper gives every item new block parameters (two arrays, one given a
// `path` property) and a context path string ("undefined0"), which only templates declaring
// block parameters (`as |item|`) or compiled with trackIds read; kbfix's templates do neither
// (templates.ts refuses `as |`). The data frame (@index, @first, @last, @key) is the stock one:
// made once per call, changed per item. Anything else (objects, iterables, a block with block
// parameters, trackIds) goes to the stock helper.
import type Handlebars from "handlebars";

type Block = ((context: unknown, options?: { data?: unknown }) => string) & {
  blockParams?: number;
};

interface EachOptions {
  fn: Block;
  inverse: Block;
  data?: Record<string, unknown>;
  ids?: unknown;
}

export function arrayEach(hb: typeof Handlebars): Handlebars.HelperDelegate {
  const stock = hb.helpers.each!;
  return function (this: unknown, context: unknown, options: EachOptions) {
    if (!Array.isArray(context) || !options || options.ids || options.fn?.blockParams)
      return stock.call(this, context, options);
    const { fn, inverse } = options;
    const data = options.data ? hb.createFrame(options.data) : undefined;
    let ret = "";
    let i = 0;
    for (const j = context.length; i < j; i++) {
      if (!(i in context)) continue;
      if (data) {
        data.key = i;
        data.index = i;
        data.first = i === 0;
        data.last = i === context.length - 1;
      }
      ret = ret + fn(context[i], { data });
    }
    return i === 0 ? inverse(this) : ret;
  };
}
