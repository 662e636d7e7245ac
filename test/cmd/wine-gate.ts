// The Wine tier's switch: its tests run where Wine is installed, are skipped (and
// say so) where it is not, and fail under CI, where Wine must be present.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { wineAvailable } from "../support/wine.js";

const wine = wineAvailable();

export const wineTest: typeof test = wine.ok ? test : (test.skip as typeof test);

if (!wine.ok && process.env.CI === "true") {
  test("wine is available in CI", () => assert.unreachable(wine.why));
} else if (!wine.ok) {
  console.log(`SKIPPING the batch (Wine) tests: ${wine.why}`);
}
