// The signing tests' switch: they need osslsigncode; without it they are skipped (and say
// so), and under CI, where it must be present, the suite fails.
import { test } from "uvu";
import { locateOsslsigncode } from "../../src/sign/osslsigncode.js";

function missingSigner(): string | undefined {
  try {
    locateOsslsigncode();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Why signing cannot run here, or undefined when it can. */
export const signingMissing = missingSigner();

/** `test` where osslsigncode runs, `test.skip` (with a printed reason) where it does not. */
export function signingTest(what: string): typeof test {
  if (signingMissing && process.env.CI === "true")
    throw new Error(`osslsigncode is required in CI: ${signingMissing}`);
  if (signingMissing) console.log(`SKIPPING ${what}: ${signingMissing}`);
  return signingMissing ? (test.skip as typeof test) : test;
}
