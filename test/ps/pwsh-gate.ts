// The PowerShell tier's switch: its tests run where PowerShell 7.6.9 can be had, are skipped
// (and say so) where it cannot, and fail under CI, where it must be present.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { locatePwsh } from "../support/pwsh.js";

export const pwsh = locatePwsh();

export const pwshTest: typeof test = pwsh.ok ? test : (test.skip as typeof test);

if (!pwsh.ok && process.env.CI === "true") {
  test("PowerShell is available in CI", () => assert.unreachable(pwsh.why));
} else if (!pwsh.ok) {
  console.log(`SKIPPING the PowerShell tests: ${pwsh.why}`);
}
