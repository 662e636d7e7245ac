// Each playbook's README lists every script parameter in one form, as it is typed on the command
// line (-Name): the built-in ones and the playbook's own, each once.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, readFileSync } from "node:fs";
import { analyzeBytes } from "../../src/pipeline.js";

const BUILT_IN = ["-Method", "-AllowHighRisk", "-LogPath", "-WhatIf"];

/** The first cell of each row of the README's Parameters table, without its code marks. */
function parameterCells(readme: string): string[] {
  const section = readme.split("## Parameters")[1]!.split("\n## ")[0]!;
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => line.split(" | ")[0]!.replace(/^\| `+ ?| ?`+$/g, ""));
}

for (const file of readdirSync("playbooks").filter((f) => f.endsWith(".yaml"))) {
  const plan = analyzeBytes(file, readFileSync(`playbooks/${file}`)).plan!;
  test(`${plan.id}: the README names every parameter as -Name, once`, () => {
    const cells = parameterCells(readFileSync(`out/${plan.id}/README.md`, "utf8"));
    assert.equal(cells, [...BUILT_IN, ...plan.parameters.map((p) => `-${p.name}`)]);
  });
}

test.run();
