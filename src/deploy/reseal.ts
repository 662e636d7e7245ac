// Descriptors carry the scripts' bytes (base64) or hashes, so signing, which changes the
// scripts, must regenerate them: the same JSON with those fields recomputed from the bytes now
// on disk. Applied to an untouched descriptor it gives the same bytes back, which is how
// `kbfix verify` checks that descriptors and scripts agree.
import { sha256Hex } from "../emit/emitted-file.js";
import { APPLICATION_DESCRIPTOR } from "./configmgr-application.js";
import { CI_DESCRIPTOR } from "./configmgr-configuration-item.js";
import { INTUNE_BODY, intuneBody } from "./intune-remediation.js";
import { jsonBytes } from "./json-text.js";

/** A file of the playbook folder by its path there ("kb1.ps1", "deploy/x.json"), or undefined. */
export type ReadFile = (path: string) => Buffer | undefined;

export interface Resealed {
  path: string;
  bytes: Buffer;
}

function need(read: ReadFile, path: string): Buffer {
  const bytes = read(path);
  if (!bytes) throw new Error(`${path}: missing, but a descriptor names it`);
  return bytes;
}

function resealIntune(id: string, body: Buffer, read: ReadFile): Buffer {
  const old = JSON.parse(body.toString("utf8"));
  const text = {
    displayName: old.displayName,
    description: old.description,
    publisher: old.publisher,
  };
  return intuneBody(text, need(read, `${id}.detect.ps1`), need(read, `${id}.ps1`));
}

/** Every { path | file | scriptFile, sha256 } object gets the hash of the file it names. */
function rehash(value: unknown, read: ReadFile): unknown {
  if (Array.isArray(value)) return value.map((v) => rehash(v, read));
  if (typeof value !== "object" || value === null) return value;
  const record = Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, rehash(v, read)]),
  ) as Record<string, unknown>;
  const named = record.path ?? record.file ?? record.scriptFile;
  if (typeof record.sha256 === "string" && typeof named === "string")
    record.sha256 = sha256Hex(need(read, named));
  return record;
}

function resealHashes(descriptor: Buffer, read: ReadFile): Buffer {
  return jsonBytes(rehash(JSON.parse(descriptor.toString("utf8")), read));
}

/** The descriptors of one playbook folder, regenerated from the scripts `read` returns. */
export function resealDescriptors(id: string, read: ReadFile): Resealed[] {
  const out: Resealed[] = [];
  const at = (name: string) => `deploy/${name}`;
  const intune = read(at(INTUNE_BODY));
  if (intune) out.push({ path: at(INTUNE_BODY), bytes: resealIntune(id, intune, read) });
  for (const name of [APPLICATION_DESCRIPTOR, CI_DESCRIPTOR]) {
    const descriptor = read(at(name));
    if (descriptor) out.push({ path: at(name), bytes: resealHashes(descriptor, read) });
  }
  return out;
}
