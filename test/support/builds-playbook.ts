// A playbook that tells Windows 10 and Windows 11 apart by build: a playbook range from
// 10.0.17763 (1809) on, a step and a probe for builds up to 10.0.19045 (Windows 10 22H2) and a
// step and a probe for 10.0.22000 (Windows 11) and later. Both tiers run it: the probe of the
// other Windows is not applicable, neither evidence nor clean.
import { compileFixture, fixturePlaybook } from "./fixture-playbook.js";

export const BUILDS_ID = "kb100004";
export const FLAG_KEY = "HKLM\\Software\\X";
const WIN10 = { windows: { max: "10.0.19045" } };
const WIN11 = { windows: { min: "10.0.22000" } };

const flag = (id: string, name: string, applies: object, value: object) => ({
  id,
  kind: "registry-value",
  key: FLAG_KEY,
  name,
  type: "dword",
  ...value,
  applies,
});
const flagStep = (id: string, name: string, applies: object) =>
  flag(id, name, applies, { data: 1 });
const flagProbe = (id: string, name: string, applies: object) =>
  flag(id, name, applies, { expected: 1 });

/** `group`: how the detection joins the two probes. */
export function buildsPlaybook(group: "any" | "all" = "any"): Record<string, unknown> {
  return fixturePlaybook({
    id: BUILDS_ID,
    title: "Windows 10 and Windows 11 by build",
    summary: "Sets one flag on Windows 10 1809 to 22H2 and another on Windows 11.",
    sourceNotes: false,
    applies: { windows: { min: "10.0.17763" } },
    detection: {
      [group]: [flagProbe("win10-flag", "Win10", WIN10), flagProbe("win11-flag", "Win11", WIN11)],
    },
    methodTitle: "Set the flag of this Windows",
    steps: [flagStep("s-win10", "Win10", WIN10), flagStep("s-win11", "Win11", WIN11)],
  });
}

/** Compiles it; returns the folder holding <id>/<id>.ps1, .detect.ps1 and .fix.cmd. */
export function compileBuildsPlaybook(group: "any" | "all" = "any"): string {
  return compileFixture(buildsPlaybook(group));
}
