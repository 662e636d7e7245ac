// The registry view (32 or 64) a registry-value step or probe names: one schema fragment and one
// lowering, so the step and the probe report the same diagnostics at the same positions and
// cannot drift apart.
import { described } from "../model/json-schema.js";
import type { KindRuntimeCut } from "../model/runtime-cut.js";
import type { LowerContext } from "./step-kind.js";

/**
 * An HKLM view named explicitly: 32 is what a 32-bit program sees (HKLM\SOFTWARE redirected to
 * SOFTWARE\WOW6432Node on 64-bit Windows), 64 what a 64-bit one sees. Absent: the script's own,
 * the 64-bit view on 64-bit Windows (the scripts relaunch themselves 64-bit).
 */
export const REGISTRY_VIEWS = [32, 64] as const;
export type RegistryView = (typeof REGISTRY_VIEWS)[number];

/** The view field of both registry-value kinds. */
export const registryViewProperty = described(
  "Registry view",
  "HKLM only: 32 for the 32-bit view a 32-bit program sees (on 64-bit Windows HKLM\\SOFTWARE\\X is then SOFTWARE\\WOW6432Node\\X), 64 for the 64-bit view. Leave it out for the native view. 32-bit Windows has only the 32-bit view: view 64 fails there.",
  { enum: [...REGISTRY_VIEWS] },
);

/** ' (32-bit view)' for the describe texts; '' for the native view. */
/**
 * A registry call passes -View only when the step or probe names one; it defaults to 0. Both
 * registry-value kinds declare this cut: either kind's node in a named view keeps the function.
 */
export const REGISTRY_VIEW_CUT: KindRuntimeCut<{ view?: RegistryView }> = {
  feature: "a registry value in a named 32- or 64-bit view",
  has: (node) => node.view !== undefined,
  cut: ["Open-KbRegistryViewRoot"],
  guard: "if ($View -ne 0) { ",
};

export function viewText(view: RegistryView | undefined): string {
  return view === undefined ? "" : ` (${view}-bit view)`;
}

/**
 * Checks the view against the key and returns the fields to spread into the lowered step or
 * probe: `{ view }` when one is named, `{}` for the native view, undefined when reported as an
 * error. A view is an HKLM notion (an HKCU view would be a profile's own redirection); a key
 * written with WOW6432Node by hand is the 32-bit view on 64-bit Windows only, and a key that
 * 32-bit Windows lacks: view 32 says the same on both (a warning, the key still lowers).
 */
export function lowerRegistryView(
  key: string,
  view: RegistryView | undefined,
  ctx: Pick<LowerContext, "error" | "warning">,
): { view?: RegistryView } | undefined {
  if (view !== undefined && !/^HKLM\\/i.test(key)) {
    ctx.error(
      "view",
      "registry-view-not-hklm",
      `view ${view} names a view of HKLM, and this key is not under HKLM`,
      "remove view: a profile's hive (HKCU) is read and written as it is",
    );
    return undefined;
  }
  if (/\\WOW6432Node(\\|$)/i.test(key))
    ctx.warning(
      "key",
      "registry-wow6432node",
      "the key names WOW6432Node by hand: that key exists only on 64-bit Windows",
      `write the key without WOW6432Node and add view: 32 (the 32-bit view, the same key on 64-bit Windows and the only one on 32-bit Windows)`,
    );
  return view === undefined ? {} : { view };
}
