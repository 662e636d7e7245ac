// The page's two charts as inline SVG (no script, no external asset): outcomes by exit code as
// bars, the ladder as a funnel. Each bar and funnel step carries its figures in data-*
// attributes, so a test can read them back from the rendered page.
import type { MethodFigures, OutcomeBucket } from "./fleet-report.js";
import { escapeHtml as e } from "./html-escape.js";
import { SETTLED_OUTCOMES } from "./machine-run.js";

const FAILED_OUTCOMES = new Set(["StepFailed", "NotElevated", "BadArguments", "DetectionError"]);

/** green: all settled; red: a failure; grey: exit code unknown; amber: the rest (still present, manual, busy). */
export function bucketTone(bucket: OutcomeBucket): "ok" | "failed" | "unknown" | "pending" {
  const names = Object.keys(bucket.outcomes);
  if (names.every((n) => SETTLED_OUTCOMES.has(n))) return "ok";
  if (names.some((n) => FAILED_OUTCOMES.has(n))) return "failed";
  if (bucket.exitCode === null) return "unknown";
  return "pending";
}

const outcomeList = (bucket: OutcomeBucket) =>
  Object.entries(bucket.outcomes)
    .map(([name, n]) => `${name}=${n}`)
    .join(";");

export const exitLabel = (code: number | null) => (code === null ? "unknown" : String(code));

export function outcomeBarChart(buckets: readonly OutcomeBucket[]): string {
  const slot = 96;
  const plot = 160;
  const width = Math.max(240, 40 + slot * buckets.length);
  const height = plot + 70;
  const max = Math.max(1, ...buckets.map((b) => b.machines));
  const bars = buckets.map((b, i) => {
    const h = Math.max(1, Math.round((b.machines / max) * plot));
    const x = 30 + i * slot;
    const y = 20 + plot - h;
    const names = Object.keys(b.outcomes).join(", ");
    return (
      `<g class="outcome-bar tone-${bucketTone(b)}" data-exit-code="${e(exitLabel(b.exitCode))}" ` +
      `data-machines="${b.machines}" data-outcomes="${e(outcomeList(b))}">` +
      `<title>${e(`exit ${exitLabel(b.exitCode)}: ${names} (${b.machines})`)}</title>` +
      `<rect x="${x}" y="${y}" width="${slot - 24}" height="${h}"></rect>` +
      `<text class="count" x="${x + (slot - 24) / 2}" y="${y - 4}">${b.machines}</text>` +
      `<text class="axis" x="${x + (slot - 24) / 2}" y="${20 + plot + 16}">exit ${e(exitLabel(b.exitCode))}</text>` +
      `<text class="names" x="${x + (slot - 24) / 2}" y="${20 + plot + 32}">${e(shorten(names, 16))}</text>` +
      `</g>`
    );
  });
  return (
    `<svg class="chart outcomes" role="img" aria-label="machines by exit code" ` +
    `xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<line class="baseline" x1="20" y1="${20 + plot}" x2="${width - 10}" y2="${20 + plot}"></line>` +
    bars.join("") +
    `</svg>`
  );
}

function shorten(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + "\u2026" : text;
}

/** One centred bar per method, as wide as the machines it reached; fixed and failed marked inside. */
export function ladderFunnel(methods: readonly MethodFigures[]): string {
  const row = 30;
  const label = 250;
  const span = 320;
  const width = label + span + 230;
  const height = 10 + row * methods.length;
  const max = Math.max(1, ...methods.map((m) => m.reached));
  const steps = methods.map((m, i) => {
    const y = 5 + i * row;
    const w = Math.round((m.reached / max) * span);
    const x = label + (span - w) / 2;
    const part = (n: number) => (m.reached ? Math.round((n / m.reached) * w) : 0);
    return (
      `<g class="funnel-step" data-method="${e(m.method)}" data-reached="${m.reached}" ` +
      `data-changed="${m.changed}" data-fixed="${m.fixed}" data-failed="${m.failed}">` +
      `<title>${e(`${m.method}: reached ${m.reached}, changed ${m.changed}, fixed ${m.fixed}, failed ${m.failed}`)}</title>` +
      `<text class="method" x="${label - 8}" y="${y + 18}">${e(shorten(`${i + 1}. ${m.method}`, 36))}</text>` +
      `<rect class="reached" x="${x}" y="${y + 4}" width="${w}" height="${row - 8}"></rect>` +
      `<rect class="fixed" x="${x}" y="${y + 4}" width="${part(m.fixed)}" height="${row - 8}"></rect>` +
      `<rect class="failed" x="${x + w - part(m.failed)}" y="${y + 4}" width="${part(m.failed)}" height="${row - 8}"></rect>` +
      `<text class="figures" x="${label + span + 10}" y="${y + 18}">` +
      `${m.reached} reached \u00b7 ${m.changed} changed \u00b7 ${m.fixed} fixed \u00b7 ${m.failed} failed</text>` +
      `</g>`
    );
  });
  return (
    `<svg class="chart funnel" role="img" aria-label="the ladder: machines per method" ` +
    `xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    steps.join("") +
    `</svg>`
  );
}
