// A playbook that keeps a value in the 32-bit registry view (as a 32-bit program, e.g. an old
// ConfigMgr client, keeps its settings): the probe and the step name view 32. The 64-bit view
// holds the same key with other data, so a script that reached the wrong view would show it.
import { compileFixture, fixturePlaybook } from "../../support/fixture-playbook.js";

export const VIEW_ID = "kb100005";
/** A key no Windows or Wine prefix has, below HKLM\SOFTWARE (the part Windows redirects). */
export const VIEW_KEY = "SOFTWARE\\KbfixSim\\View";
/** Where a 32-bit program's VIEW_KEY is on 64-bit Windows. */
export const VIEW_KEY_32 = "SOFTWARE\\WOW6432Node\\KbfixSim\\View";

const value = (view: 32 | 64) => ({
  key: `HKLM\\${VIEW_KEY}`,
  name: "Mode",
  type: "dword",
  view,
});

export const SET_32 = { id: "set-32", kind: "registry-value", ...value(32), data: 1 };
export const SET_64 = { id: "set-64", kind: "registry-value", ...value(64), data: 1 };
const PROBE_32 = { id: "mode-32", kind: "registry-value", ...value(32), expected: 1 };

/** Compiles the playbook; returns the folder holding <id>/<id>.ps1 (and .fix.cmd). */
export function compileViewPlaybook(targets = ["ps1"], steps: object[] = [SET_32]): string {
  return compileFixture(
    fixturePlaybook({
      id: VIEW_ID,
      title: "A value in the 32-bit registry view",
      summary: "Sets a 32-bit program's setting in the 32-bit registry view.",
      targets,
      evidence: [PROBE_32],
      methodTitle: "The value",
      steps,
    }),
  );
}
