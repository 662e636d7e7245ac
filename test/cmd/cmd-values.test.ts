// The plan data the batch templates get (src/emit/cmd/cmd-values.ts): worked out at
// compile time so the script never parses playbook data.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parsePathExpr } from "../../src/model/path-expr.js";
import { appliesView } from "../../src/emit/cmd/cmd-conditions.js";
import { registryView } from "../../src/emit/cmd/cmd-registry.js";
import { caseVariants, pathView, sizeKey, versionKey } from "../../src/emit/cmd/cmd-values.js";

const path = (text: string) => {
  const r = parsePathExpr(text, new Set(["Folder"]));
  if (!r.ok) throw new Error(r.reason);
  return r.path;
};

test("paths: the base's variable, its name, the segments", () => {
  assert.equal(pathView(path("%SystemRoot%\\System32\\catroot2"), true), {
    baseVar: "KB_ENV_SystemRoot",
    baseLabel: "SystemRoot",
    rel: "System32\\catroot2",
    below: 1,
    drive: 0,
  });
  assert.equal(pathView(path("%SystemDrive%\\Temp\\X"), true), {
    baseVar: "KB_ENV_SystemDrive",
    baseLabel: "SystemDrive",
    rel: "Temp\\X",
    below: 1,
    drive: 1,
  });
  assert.is(pathView(path("%commonappdata%\\X")).baseVar, "KB_ENV_CommonAppData");
  assert.is(pathView(path("%AllUsersProfile%\\X")).baseVar, "KB_ENV_ALLUSERSPROFILE");
  assert.is(pathView(path("%ProgramFiles(x86)%\\X")).baseVar, "KB_ENV_ProgramFilesX86");
  assert.is(pathView(path("%Folder%\\tool.exe")).baseVar, "KB_PARAM_Folder");
  assert.is(pathView(path("%profile%\\AppData")).baseVar, "KB_PROFILE");
  assert.is(pathView(path("%windir%")).rel, "");
});

test("versions and sizes become fixed-width keys that compare as text", () => {
  assert.is(versionKey("4.00.6487.2111"), "000000004.000000000.000006487.000002111");
  assert.is(versionKey("5.0"), "000000005.000000000.000000000.000000000");
  assert.ok(versionKey("4.00.6221.1193") < versionKey("4.00.6487"));
  assert.is(versionKey(undefined), "");
  assert.is(sizeKey(20971520), "0000000020971520");
});

test("find has no portable /i: a 0x token in each prefix and digit case, once each", () => {
  assert.equal(caseVariants(["0x800B0109", "0x80096001"]), [
    "0x800B0109",
    "0x800b0109",
    "0X800B0109",
    "0X800b0109",
    "0x80096001",
    "0X80096001",
  ]);
  // Written lower case, logged by Windows as 0x8007F0DA: upper and lower case alone miss that.
  assert.equal(caseVariants(["0x8007f0da"]), [
    "0x8007f0da",
    "0x8007F0DA",
    "0X8007F0DA",
    "0X8007f0da",
  ]);
  // However it is written, all four forms are searched, and the written one first.
  for (const written of ["0X8007F0DA", "0X8007f0da", "0x8007F0da"]) {
    const variants = caseVariants([written]);
    assert.is(variants[0], written);
    for (const form of ["0x8007F0DA", "0x8007f0da", "0X8007F0DA", "0X8007f0da"])
      assert.ok(variants.includes(form), `${written}: ${form}`);
  }
});

test("other tokens: as written, upper and lower case", () => {
  assert.equal(caseVariants(["authrootstl.cab", "KB5034441", "0xZZ", "8007f0da"]), [
    "authrootstl.cab",
    "AUTHROOTSTL.CAB",
    "KB5034441",
    "kb5034441",
    "0xZZ",
    "0XZZ",
    "0xzz",
    "8007f0da",
    "8007F0DA",
  ]);
});

test("registry data as reg add takes it and as reg query prints it", () => {
  const dword = registryView("HKLM\\S", "V", { type: "dword", value: 4294967295 });
  assert.equal(
    [dword.regType, dword.addData, dword.want, dword.hex],
    ["REG_DWORD", "4294967295", "0xffffffff", 1],
  );
  const qword = registryView("HKLM\\S", "V", { type: "qword", value: "18446744073709551615" });
  assert.equal([qword.addData, qword.want], ["0xffffffffffffffff", "0xffffffffffffffff"]);
  assert.equal(registryView("HKLM\\S", "", { type: "binary", value: "00ff" }).isDefault, 1);
  const multi = registryView("HKLM\\S", "V", { type: "multi-string", value: ["a", "b\\"] });
  assert.equal([multi.addData, multi.want], ["a\\0b\\\\", "a\\0b\\"]);
  assert.is(
    registryView("HKLM\\S", "V", { type: "string", value: "C:\\x\\" }).addData,
    "C:\\x\\\\",
  );
});

test("applicability: NT and build numbers, architectures, product version keys", () => {
  const a = appliesView({ windows: { min: "5.1", max: "5.2" }, architecture: ["x64"] });
  assert.equal(
    [a.ntMin, a.ntMax, a.ntMinBuild, a.ntMaxBuild, a.anyArch, a.x64, a.x86, a.product],
    [50100000, 50299999, 0, 0, 0, 1, 0, false],
  );
  // Windows 10 1809 to 22H2: builds 17763 to 19045; the machine's KB_NTB is 100019045 on 22H2.
  const b = appliesView({ windows: { min: "10.0.17763", max: "10.0.19045" } });
  assert.equal([b.ntMin, b.ntMax, b.ntMinBuild, b.ntMaxBuild], [100017763, 100019045, 1, 1]);
  const p = appliesView({ product: { id: "configmgr-client", belowVersion: "5.0" } });
  assert.equal(
    [p.ntMin, p.ntMax, p.anyArch, p.productBelow],
    [0, 2147483647, 1, versionKey("5.0")],
  );
});

test.run();
