// The HTML page in a real browser (headless Chromium): it renders, the dumped DOM holds both
// charts, the screenshot is not blank and shows the bar colours, and the figures on the bars
// and funnel steps are the ones `--format json` gives for the same input. Skipped, saying so,
// where Chromium is missing; under CI (CI=true) a missing Chromium fails.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decodePng } from "./png-pixels.js";
import { FIXTURES, tempFolder } from "./temp-inputs.js";

function findChromium(): string | undefined {
  const found = spawnSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], {
    encoding: "utf8",
  });
  return found.status === 0 ? found.stdout.trim().split("\n")[0] : undefined;
}

const chromium = process.env.KBFIX_CHROMIUM || findChromium();

function browse(page: string, extra: string[]): { stdout: string; status: number | null } {
  const args = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    `--user-data-dir=${tempFolder("kbfix-chromium-")}`,
    ...extra,
    `file://${page}`,
  ];
  const run = spawnSync(chromium!, args, {
    encoding: "utf8",
    timeout: 90_000,
    maxBuffer: 64 << 20,
  });
  return { stdout: run.stdout ?? "", status: run.status };
}

function reportFiles(): { html: string; json: any } {
  const html = join(tempFolder(), "fleet.html");
  const run = spawnSync(
    process.execPath,
    ["dist/bundle/cli.js", "report", FIXTURES, "--format", "json", "--html", html],
    {
      encoding: "utf8",
    },
  );
  assert.is(run.status, 0, run.stderr);
  return { html, json: JSON.parse(run.stdout) };
}

/** data-* attributes of every element with this class, in page order. */
function dataOf(dom: string, className: string): Record<string, string>[] {
  const tags = [...dom.matchAll(new RegExp(`<g class="${className}[^"]*"([^>]*)>`, "g"))];
  return tags.map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/data-([a-z-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

if (!chromium && process.env.CI === "true") {
  test("Chromium is available in CI", () =>
    assert.unreachable("chromium is not installed (see .ci/run)"));
} else if (!chromium) {
  console.log("SKIPPING the browser test of the HTML report: chromium is not installed");
} else {
  test("the page renders in Chromium with both charts, and its figures match --format json", () => {
    const { html, json } = reportFiles();
    const dom = browse(html, ["--dump-dom"]);
    assert.is(dom.status, 0, "chromium --dump-dom");
    assert.match(dom.stdout, /<svg class="chart outcomes"/);
    assert.match(dom.stdout, /<svg class="chart funnel"/);
    const bars = dataOf(dom.stdout, "outcome-bar");
    const steps = dataOf(dom.stdout, "funnel-step");
    const expectedBars = json.playbooks.flatMap((p: any) =>
      p.outcomes.map((b: any) => ({
        "exit-code": b.exitCode === null ? "unknown" : String(b.exitCode),
        machines: String(b.machines),
        outcomes: Object.entries(b.outcomes)
          .map(([name, n]) => `${name}=${n}`)
          .join(";"),
      })),
    );
    const expectedSteps = json.playbooks.flatMap((p: any) =>
      p.methods.map((m: any) => ({
        method: m.method,
        reached: String(m.reached),
        changed: String(m.changed),
        fixed: String(m.fixed),
        failed: String(m.failed),
      })),
    );
    assert.equal(
      bars.map((b) => ({ ...b, outcomes: unescape(b.outcomes!) })),
      expectedBars,
    );
    assert.equal(
      steps.map((s) => ({ ...s, method: unescape(s.method!) })),
      expectedSteps,
    );
  });

  test("the screenshot is not blank and shows the green and red bars", () => {
    const { html } = reportFiles();
    const png = join(tempFolder(), "fleet.png");
    const shot = browse(html, [
      `--screenshot=${png}`,
      "--window-size=1200,1400",
      "--hide-scrollbars",
    ]);
    assert.ok(existsSync(png), `no screenshot (chromium exit ${shot.status})`);
    const pixels = decodePng(readFileSync(png));
    const colours = new Set<string>();
    let inked = 0;
    for (let y = 0; y < pixels.height; y += 2)
      for (let x = 0; x < pixels.width; x += 2) {
        const [r, g, b] = pixels.rgb(x, y);
        colours.add(`${r},${g},${b}`);
        if (r + g + b < 600) inked++;
      }
    assert.ok(inked > 1000, `only ${inked} drawn pixels`);
    assert.ok(colours.has("46,125,50"), "the green of settled outcomes");
    assert.ok(colours.has("198,40,40"), "the red of failures");
  });
}

test.run();
