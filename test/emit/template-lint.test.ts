// No template interpolates a value except through a quoting helper (docs/emitted-script-rules.md#templates-quote-every-value):
// every mustache and sub-expression must call a known helper; partials are fine.
import { test } from "uvu";
import * as assert from "uvu/assert";
import Handlebars from "handlebars";
import { readFileSync } from "node:fs";
import {
  BLOCK_HELPERS,
  CMD_CALL_HELPERS,
  CMD_HELPERS,
  PS_HELPERS,
  SLOT_HELPERS,
  STATIC_HELPERS,
} from "../../src/emit/helpers.js";
import { templateFiles } from "../../src/emit/templates.js";

const PS_ONLY = new Set(Object.keys(PS_HELPERS));
const CMD_ONLY = new Set([...Object.keys(CMD_HELPERS), ...CMD_CALL_HELPERS]);
const STATIC = new Set<string>(STATIC_HELPERS);
const BLOCKS = new Set<string>(BLOCK_HELPERS);
const SLOTS = new Set<string>(SLOT_HELPERS);

function helpersFor(name: string): Set<string> {
  if (name.startsWith("ps1/")) return new Set([...PS_ONLY, ...STATIC, ...SLOTS]);
  if (name.startsWith("cmd/")) return new Set([...CMD_ONLY, ...STATIC, ...SLOTS]);
  return STATIC;
}

/** Lists each interpolation that is not a call of an allowed helper. */
export function lint(source: string, allowed: Set<string>): string[] {
  const problems: string[] = [];
  const visit = (node: any): void => {
    if (!node || typeof node !== "object") return;
    if (node.type === "MustacheStatement" || node.type === "SubExpression") {
      const name = node.path?.original;
      const isLookup = node.type === "SubExpression" && name === "lookup";
      const bare = node.params.length === 0 && !SLOTS.has(name);
      if (!isLookup && (!allowed.has(name) || bare))
        problems.push(`line ${node.loc.start.line}: {{${name}}} is not a quoting helper call`);
    }
    if (node.type === "BlockStatement" && !BLOCKS.has(node.path.original))
      problems.push(`line ${node.loc.start.line}: unknown block helper ${node.path.original}`);
    if (
      node.type === "PartialStatement" &&
      node.name.type === "SubExpression" &&
      node.name.path.original !== "lookup"
    )
      problems.push(`line ${node.loc.start.line}: dynamic partial must use lookup`);
    for (const value of Object.values(node))
      Array.isArray(value) ? value.forEach(visit) : typeof value === "object" && visit(value);
  };
  visit(Handlebars.parse(source));
  return problems;
}

for (const { name, path } of templateFiles()) {
  test(`template ${name} interpolates only through quoting helpers`, () => {
    assert.equal(lint(readFileSync(path, "utf8"), helpersFor(name)), []);
  });
}

test("the lint catches a bare value, a triple-stash and an unknown helper", () => {
  const allowed = helpersFor("ps1/x");
  assert.is(lint("Write-Host {{title}}", allowed).length, 1);
  assert.is(lint("Write-Host {{{title}}}", allowed).length, 1);
  assert.is(lint("Write-Host {{upper title}}", allowed).length, 1);
  assert.is(
    lint("Write-Host {{cmd title}}", allowed).length,
    1,
    "a batch helper in a PowerShell template",
  );
  assert.is(lint("Write-Host {{ps title}}", allowed).length, 0);
});

test.run();
