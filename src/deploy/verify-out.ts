// `kbfix verify`: every file of every out/<id>/ against manifest.json (the compiled hash, or
// the signed one, or the regenerated descriptor's), nothing unlisted, a signed script's body
// still the compiled bytes, and every descriptor in agreement with the scripts beside it.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { sha256Hex } from "../emit/emitted-file.js";
import { findRuntimeSection } from "../emit/runtime-marker.js";
import { listFiles } from "../output/write-out.js";
import { splitSignature } from "../model/signature-block.js";
import { resealDescriptors } from "./reseal.js";

export interface VerifyProblem {
  path: string;
  message: string;
}

interface Entry {
  path: string;
  sha256: string;
}

function entries(manifest: Record<string, unknown>, key: string): Map<string, string> {
  const list = Array.isArray(manifest[key]) ? (manifest[key] as Entry[]) : [];
  return new Map(list.map((e) => [e.path, e.sha256]));
}

/** The runtime between the markers must still hash to what its marker line states. */
function checkRuntimeHash(
  path: string,
  bytes: Buffer | undefined,
  report: (path: string, message: string) => void,
): void {
  const found = bytes && findRuntimeSection(bytes.toString("latin1"));
  if (found && found.actual !== found.claimed)
    report(path, `its runtime does not match the SHA-256 on its marker line (${found.claimed})`);
}

/** Problems of one playbook folder, paths relative to the out folder. */
export function verifyPlaybookFolder(outDir: string, id: string): VerifyProblem[] {
  const dir = join(outDir, id);
  const problems: VerifyProblem[] = [];
  const report = (path: string, message: string) =>
    problems.push({ path: `${id}/${path}`, message });
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  } catch (e) {
    return [{ path: `${id}/manifest.json`, message: `unreadable: ${(e as Error).message}` }];
  }
  const compiled = entries(manifest, "files");
  const signed = entries(manifest, "signed");
  const resealed = entries(manifest, "resealed");
  const read = (path: string) =>
    existsSync(join(dir, path)) ? readFileSync(join(dir, path)) : undefined;
  for (const [path, sha256] of compiled) {
    const bytes = read(path);
    if (!bytes) {
      report(path, "missing");
      continue;
    }
    const expected = resealed.get(path) ?? signed.get(path) ?? sha256;
    if (sha256Hex(bytes) !== expected) report(path, "SHA-256 differs from manifest.json");
    else if (signed.has(path) && sha256Hex(splitSignature(bytes).body) !== sha256)
      report(path, "the script before its signature block is not the compiled script");
  }
  for (const path of listFiles(dir))
    if (path !== "manifest.json" && !compiled.has(path))
      report(path, "not listed in manifest.json");
  for (const path of compiled.keys())
    if (/\.(ps1|cmd)$/.test(path)) checkRuntimeHash(path, read(path), report);
  try {
    for (const r of resealDescriptors(id, read))
      if (!read(r.path)!.equals(r.bytes)) report(r.path, "does not match the scripts it carries");
  } catch (e) {
    report("deploy", `descriptor check failed: ${(e as Error).message}`);
  }
  return problems;
}

/** Every playbook folder (one holding manifest.json) under the out folder. */
export function verifyOutFolder(outDir: string): { folders: number; problems: VerifyProblem[] } {
  const ids = readdirSync(outDir)
    .sort()
    .filter((name) => !name.startsWith(".") && existsSync(join(outDir, name, "manifest.json")));
  return { folders: ids.length, problems: ids.flatMap((id) => verifyPlaybookFolder(outDir, id)) };
}
