// The registry view is lowered in one place (src/steps/registry-view.ts) for the registry-value
// step and the registry-value probe: the same schema fragment, the same diagnostics, and the
// view copied onto the lowered node only when one is named.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { registryValue } from "../../src/steps/registry-value.js";
import { registryValueProbe } from "../../src/evidence/registry-value.js";
import { lowerRegistryView, registryViewProperty } from "../../src/steps/registry-view.js";

type Report = [level: "error" | "warning", field: string, code: string];

function lowerWith(key: string, view: 32 | 64 | undefined): [unknown, Report[]] {
  const reports: Report[] = [];
  const result = lowerRegistryView(key, view, {
    error: (field, code) => reports.push(["error", field, code]),
    warning: (field, code) => reports.push(["warning", field, code]),
  });
  return [result, reports];
}

test("both registry-value kinds take the one view fragment", () => {
  assert.is(registryValue.properties.view, registryViewProperty);
  assert.is(registryValueProbe.properties.view, registryViewProperty);
});

test("a named HKLM view is copied, the native view adds no field", () => {
  assert.equal(lowerWith("HKLM\\Software\\X", 32), [{ view: 32 }, []]);
  assert.equal(lowerWith("hklm\\Software\\X", 64), [{ view: 64 }, []]);
  const [native] = lowerWith("HKLM\\Software\\X", undefined);
  assert.equal(Object.keys(native as object), []);
});

test("a view of a key outside HKLM is an error on the view field", () => {
  assert.equal(lowerWith("HKCU\\Software\\X", 32), [
    undefined,
    [["error", "view", "registry-view-not-hklm"]],
  ]);
  assert.equal(lowerWith("HKCU\\Software\\X", undefined), [{}, []]);
});

test("WOW6432Node written by hand is a warning on the key, and the key still lowers", () => {
  assert.equal(lowerWith("HKLM\\SOFTWARE\\Wow6432Node\\X", undefined), [
    {},
    [["warning", "key", "registry-wow6432node"]],
  ]);
  assert.equal(lowerWith("HKLM\\SOFTWARE\\WOW6432Node", 64), [
    { view: 64 },
    [["warning", "key", "registry-wow6432node"]],
  ]);
  assert.equal(lowerWith("HKLM\\SOFTWARE\\WOW6432NodeX\\Y", undefined), [{}, []]);
});

test.run();
