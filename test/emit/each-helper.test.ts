// arrayEach renders every array as Handlebars' own `each` does: items, holes, an empty array
// (the else block), the data frame (@index, @first, @last, @key, @root), parent scopes (../),
// nesting, and what it hands back to the stock helper (objects, iterables, undefined).
import { test } from "uvu";
import * as assert from "uvu/assert";
import Handlebars from "handlebars";
import { arrayEach } from "../../src/emit/each-helper.js";

const TEMPLATE =
  "{{#each list}}[{{@index}}{{@key}}{{#if @first}}F{{/if}}{{#if @last}}L{{/if}}:{{this}}" +
  "{{#each ../inner}}({{this}}{{@index}}{{#if @last}}!{{/if}}{{@root.name}}){{/each}}]" +
  "{{else}}none{{/each}}";

function render(each: boolean, view: unknown): string {
  const hb = Handlebars.create();
  if (each) hb.registerHelper("each", arrayEach(hb));
  return hb.compile(TEMPLATE, { noEscape: true, strict: true })(view);
}

const VIEWS: unknown[] = [
  { name: "n", list: ["a", "b", "c"], inner: [1, 2] },
  { name: "n", list: [], inner: [1] },
  { name: "n", list: ["only"], inner: [] },
  // eslint-disable-next-line no-sparse-arrays
  { name: "n", list: ["x", , "z"], inner: [0] },
  { name: "n", list: { k1: "v1", k2: "v2" }, inner: [3] },
  { name: "n", list: new Set(["s1", "s2"]), inner: [4] },
  { name: "n", list: undefined, inner: [5] },
];

test("arrayEach renders as the stock each", () => {
  for (const view of VIEWS)
    assert.is(render(true, view), render(false, view), JSON.stringify(view));
});

test.run();
