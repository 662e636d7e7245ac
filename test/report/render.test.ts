// The three renderings: JSON with stable keys, aligned text, and one self-contained HTML page
// in which every hostile string is escaped; the same input gives the same bytes.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { escapeHtml } from "../../src/report/html-escape.js";
import { renderHtml } from "../../src/report/render-html.js";
import { renderJson } from "../../src/report/render-json.js";
import { renderText } from "../../src/report/render-text.js";
import { rollUp } from "../../src/report/roll-up.js";
import { FIXTURES, fixture, folderWith } from "./temp-inputs.js";

const LISTS = { maxMachines: 50 };
const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>&'\u0000\u001b[31m\u202e`;

function hostileFolder(): string {
  const failed = fixture("WS-0005.run1.kb822798.result.json");
  failed.computer = `PC${HOSTILE}`;
  failed.results = failed.results.map((r: Record<string, unknown>) =>
    r.status === "failed"
      ? { ...r, id: `step${HOSTILE}`, message: `msg${HOSTILE}`, method: `m${HOSTILE}` }
      : r,
  );
  failed.playbook = {
    ...failed.playbook,
    id: `kb${HOSTILE}`,
    title: HOSTILE,
    toolVersion: HOSTILE,
  };
  return folderWith({
    "a.result.json": failed,
    [`bad${HOSTILE.replace(/[/\u0000]/g, "")}.result.json`]: "{",
  });
}

test("JSON: the documented top-level and per-playbook keys, in this order", () => {
  const json = JSON.parse(renderJson(rollUp([FIXTURES])));
  assert.equal(Object.keys(json), [
    "reportVersion",
    "inputs",
    "playbooks",
    "problemCounts",
    "problems",
  ]);
  assert.is(json.reportVersion, 1);
  assert.equal(Object.keys(json.playbooks[0]), [
    "playbookId",
    "toolVersion",
    "title",
    "machines",
    "superseded",
    "whatIfRuns",
    "outcomes",
    "methods",
    "failingSteps",
    "failingMachines",
  ]);
  assert.equal(Object.keys(json.playbooks[0].failingMachines[0]), [
    "computer",
    "outcome",
    "exitCode",
    "step",
    "message",
    "finishedUtc",
    "source",
  ]);
  assert.equal(Object.keys(json.problemCounts).length, 11);
});

test("text: aligned tables, the summary first, no control characters from the input", () => {
  const text = renderText(rollUp([FIXTURES]), LISTS);
  assert.match(
    text,
    /^kbfix report: 12 result files -> 12 runs, 11 machines \(1 older run superseded\), 0 input problems\n/,
  );
  assert.match(text, /^ {4}EXIT {2}MACHINES {2}OUTCOMES\n {7}0 {9}3 {2}Compliant 1, Fixed 2$/m);
  const hostile = renderText(rollUp([hostileFolder()]), LISTS);
  assert.not.match(hostile, /[\u0000\u001b\u202e]/);
  const few = renderText(rollUp([FIXTURES]), { maxMachines: 1 });
  assert.match(few, "... and 2 more");
});

test("HTML: every hostile string is escaped; no markup, no control characters get through", () => {
  const html = renderHtml(rollUp([hostileFolder()]), LISTS);
  assert.not.match(html, "<script>");
  assert.not.match(html, "<img");
  assert.not.match(html, /[\u0000\u001b]/);
  assert.match(html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  assert.match(html, 'data-method="m&lt;script&gt;');
  // Only our own elements: every tag in the page is one the renderer writes.
  const tags = new Set(
    [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()),
  );
  const ours =
    "html head meta title style body h1 h2 h3 p span i section table thead tbody tr th td svg g rect text line";
  assert.equal(
    [...tags].filter((t) => !ours.split(" ").includes(t)),
    [],
  );
});

test("escapeHtml: the five markup characters and controls", () => {
  assert.is(
    escapeHtml(`<a href="x">'&'</a>\u0001`),
    "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\uFFFD",
  );
  assert.is(escapeHtml(3010), "3010");
});

test("HTML is self-contained: no network, no script, a policy that forbids loading", () => {
  const html = renderHtml(rollUp([FIXTURES]), LISTS);
  assert.not.match(html, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  assert.not.match(html, /<script|<link|@import|url\(|src=/i);
  assert.match(html, `content="default-src 'none'; style-src 'unsafe-inline'"`);
  assert.match(html, /<svg class="chart outcomes"/);
  assert.match(html, /<svg class="chart funnel"/);
});

test("deterministic: the same input gives the same bytes in every format, whatever the input order", () => {
  const a = rollUp([FIXTURES]);
  const b = rollUp([FIXTURES, FIXTURES]);
  assert.is(renderJson(a), renderJson(b));
  assert.is(renderText(a, LISTS), renderText(b, LISTS));
  assert.is(renderHtml(a, LISTS), renderHtml(b, LISTS));
  const names = ["WS-0004.run1.kb822798.result.json", "WS-0004.run2.kb822798.result.json"];
  const forward = rollUp(names.map((n) => `${FIXTURES}/${n}`));
  const backward = rollUp([...names].reverse().map((n) => `${FIXTURES}/${n}`));
  assert.is(renderJson(forward), renderJson(backward));
});

test("an empty roll-up renders in every format", () => {
  const r = rollUp([folderWith({})]);
  assert.match(renderText(r, LISTS), "No runs found");
  assert.match(renderHtml(r, LISTS), "No runs found");
  assert.equal(JSON.parse(renderJson(r)).playbooks, []);
});

test.run();
