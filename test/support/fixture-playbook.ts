// A valid minimal playbook for scenario fixtures, and its compilation into a fresh folder. A
// fixture states only what is special about it (id, title, summary, steps or methods, evidence);
// the rest is the same small skeleton everywhere: one low-risk method m1 without reboot, strategy
// all, a marker file as evidence, both targets, any Windows from XP on in the system context.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dump } from "js-yaml";
import { analyzeBytes, compilePlan } from "../../src/pipeline.js";
import { tempDir } from "./temp-dir.js";

type Fields = Record<string, unknown>;

/** Evidence that a file bigger than 10 bytes, %windir%\marker.bin, is there. */
export const MARKER_EVIDENCE = {
  id: "marker",
  kind: "file-size",
  path: "%windir%\\marker.bin",
  aboveBytes: 10,
};

export interface FixtureParts {
  /** kbNNNNNN; the KB number and source URL follow from it. */
  id: string;
  title: string;
  summary: string;
  /** Default ps1 and cmd. */
  targets?: string[];
  /** Default any Windows from 5.1 in the system context; null leaves `applies` out. */
  applies?: Fields | null;
  /** False leaves the source's language and notes out. */
  sourceNotes?: boolean;
  parameters?: Fields[];
  /** The `any` list of the detection; default the marker file. */
  evidence?: Fields[];
  /** The whole detection, when it is not an `any` list. */
  detection?: Fields;
  /** Every method; default one method m1 holding `steps`. */
  methods?: Fields[];
  /** Title of the default method. */
  methodTitle?: string;
  steps?: object[];
}

/** A low-risk method without reboot; `more` (services, startAtEnd, ...) goes before the steps. */
export function fixtureMethod(
  id: string,
  kbMethod: number,
  title: string,
  steps: object[],
  more: Fields = {},
): Fields {
  return { id, kbMethod, title, risk: "low", reboot: "none", ...more, steps };
}

export function fixturePlaybook(parts: FixtureParts): Fields {
  const kb = Number(parts.id.slice(2));
  const url = `https://support.microsoft.com/kb/${kb}`;
  const source =
    parts.sourceNotes === false
      ? { url, revision: "1.0" }
      : { url, revision: "1.0", language: "en-US", notes: ["Test fixture."] };
  const applies =
    parts.applies === undefined ? { windows: { min: "5.1" }, context: "system" } : parts.applies;
  return {
    schemaVersion: 1,
    id: parts.id,
    title: parts.title,
    kb: [kb],
    source,
    summary: parts.summary,
    targets: parts.targets ?? ["ps1", "cmd"],
    ...(applies ? { applies } : {}),
    ...(parts.parameters ? { parameters: parts.parameters } : {}),
    detection: parts.detection ?? { any: parts.evidence ?? [MARKER_EVIDENCE] },
    strategy: "all",
    methods: parts.methods ?? [
      fixtureMethod("m1", 1, parts.methodTitle ?? "Everything", parts.steps ?? []),
    ],
  };
}

/**
 * Compiles a playbook through the real front and back end into a fresh folder and returns it
 * (it holds <id>/<id>.ps1, .detect.ps1, .fix.cmd, ...). Throws with the diagnostics when there
 * is no plan, or when the batch script could not carry a value and `cmdSafe` asks for it.
 */
export function compileFixture(playbook: Fields, cmdSafe = false): string {
  const id = String(playbook.id);
  const yaml = dump(playbook);
  const analysis = analyzeBytes(`${id}.yaml`, Buffer.from(yaml, "utf8"));
  if (!analysis.plan) throw new Error(JSON.stringify(analysis.diagnostics, null, 2));
  const unsafe = analysis.diagnostics.filter((d) => d.code === "cmd-unsafe-value");
  if (cmdSafe && unsafe.length) throw new Error(JSON.stringify(unsafe, null, 2));
  const dir = tempDir(`kbfix-${id}-`);
  for (const file of compilePlan(analysis.plan)) {
    mkdirSync(join(dir, file.path, ".."), { recursive: true });
    writeFileSync(join(dir, file.path), file.bytes);
  }
  return dir;
}
