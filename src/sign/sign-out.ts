// Signs every .ps1 under an out folder, the last step after compiling: it changes nothing before
// the signature block, and all files (scripts and manifests) change together or not at all.
import { createHash } from "node:crypto";
import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, posix } from "node:path";
import {
  SignError,
  isAsciiCrlf,
  isSignatureBlock,
  locateOsslsigncode,
  signFile,
  splitSignature,
  verifyFile,
  type SignCredentials,
} from "./osslsigncode.js";
import { resealDescriptors } from "../deploy/reseal.js";

export { SignError, type SignCredentials } from "./osslsigncode.js";

export interface SignResult {
  path: string; // relative to the out dir, forward slashes
  sha256Before: string;
  sha256After: string;
}

export interface SignOptions {
  timestampUrl?: string; // none by default: no timestamp server is assumed reachable
  tool?: string; // osslsigncode path; else $KBFIX_OSSLSIGNCODE, else PATH
}

const STAGING_PREFIX = ".kbfix-sign-";

interface Move {
  from: string;
  to: string;
}

export function signOut(
  outDir: string,
  credentials: SignCredentials,
  options: SignOptions = {},
): SignResult[] {
  const tool = locateOsslsigncode(options.tool);
  const files = listFiles(outDir);
  // Staging inside outDir keeps the final renames on one filesystem.
  const staging = mkdtempSync(join(outDir, STAGING_PREFIX));
  try {
    const signed = files.filter(isPs1).map((rel, i) => {
      return stageScript(tool, outDir, rel, join(staging, String(i)), credentials, options);
    });
    const results = signed.map((s) => s.result);
    // The deployment descriptors carry the scripts' bytes or hashes: regenerated from the signed ones.
    const resealed = stageResealed(outDir, files, signed, staging);
    const manifests = stageManifests(outDir, files, results, resealed.entries, staging);
    commit([...signed.map((s) => s.move), ...resealed.moves, ...manifests], staging);
    return results;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export function verifyOut(
  outDir: string,
  caCertFile?: string,
  options: { tool?: string } = {},
): { path: string; ok: boolean; message: string }[] {
  const tool = locateOsslsigncode(options.tool);
  if (caCertFile !== undefined && !isFile(caCertFile)) {
    throw new SignError(`CA certificate file not found: ${caCertFile}`);
  }
  return listFiles(outDir)
    .filter(isPs1)
    .map((path) => ({ path, ...verifyFile(tool, join(outDir, path), caCertFile) }));
}

function stageScript(
  tool: string,
  outDir: string,
  rel: string,
  stem: string,
  credentials: SignCredentials,
  options: SignOptions,
): { result: SignResult; move: Move } {
  const target = join(outDir, rel);
  const before = readFileSync(target);
  const body = unsignedBody(before, rel);
  writeFileSync(`${stem}.in.ps1`, body);
  try {
    signFile(tool, `${stem}.in.ps1`, `${stem}.ps1`, credentials, options.timestampUrl);
  } catch (e) {
    throw e instanceof SignError ? new SignError(`${rel}: ${e.message}`) : e;
  }
  const after = readFileSync(`${stem}.ps1`);
  if (!after.subarray(0, body.length).equals(body) || !isSignatureBlock(tail(after, body))) {
    throw new SignError(
      `${rel}: osslsigncode changed the script body or wrote an unexpected block`,
    );
  }
  chmodSync(`${stem}.ps1`, statSync(target).mode & 0o7777);
  const result = { path: rel, sha256Before: sha256(before), sha256After: sha256(after) };
  return { result, move: { from: `${stem}.ps1`, to: target } };
}

/** Re-signing replaces an old block, the way Set-AuthenticodeSignature does. */
function unsignedBody(bytes: Buffer, rel: string): Buffer {
  const { body, block } = splitSignature(bytes);
  if (block !== null && !isSignatureBlock(block)) {
    throw new SignError(
      `${rel}: a line starting with "# SIG # Begin signature block" is not a well-formed ` +
        "signature block at the end of the file; refusing to sign",
    );
  }
  if (!isAsciiCrlf(body)) {
    throw new SignError(`${rel}: not 7-bit ASCII with CRLF line endings and a final CRLF`);
  }
  return body;
}

function tail(after: Buffer, body: Buffer): string {
  return isAsciiCrlf(after) ? after.subarray(body.length).toString("latin1") : "";
}

function stageManifests(
  outDir: string,
  files: string[],
  results: SignResult[],
  resealed: Map<string, Entry[]>,
  staging: string,
): Move[] {
  const dirs = manifestDirs(files);
  const groups = new Map<string, { path: string; sha256: string }[]>();
  for (const r of results) {
    const dir = nearestDir(dirs, r.path);
    if (dir === undefined) continue;
    const path = dir === "." ? r.path : r.path.slice(dir.length + 1);
    groups.set(dir, [...(groups.get(dir) ?? []), { path, sha256: r.sha256After }]);
  }
  return [...groups].map(([dir, entries], i) => {
    const file = join(outDir, dir, "manifest.json");
    const staged = join(staging, `manifest-${i}.json`);
    const signedText = withEntries(readFileSync(file, "utf8"), "signed", entries, file);
    const text = withEntries(signedText, "resealed", resealed.get(dir) ?? [], file);
    writeFileSync(staged, text);
    return { from: staged, to: file };
  });
}

function manifestDirs(files: string[]): string[] {
  return files.filter((f) => posix.basename(f) === "manifest.json").map(posix.dirname);
}

/** Regenerates each manifest folder's deployment descriptors from the signed scripts. */
function stageResealed(
  outDir: string,
  files: string[],
  signed: { result: SignResult; move: Move }[],
  staging: string,
): { moves: Move[]; entries: Map<string, Entry[]> } {
  const moves: Move[] = [];
  const entries = new Map<string, Entry[]>();
  for (const dir of manifestDirs(files)) {
    const full = (rel: string) => (dir === "." ? rel : `${dir}/${rel}`);
    const read = (rel: string) => {
      const staged = signed.find((s) => s.result.path === full(rel));
      if (staged) return readFileSync(staged.move.from);
      return isFile(join(outDir, full(rel))) ? readFileSync(join(outDir, full(rel))) : undefined;
    };
    let resealed;
    try {
      resealed = resealDescriptors(posix.basename(dir), read);
    } catch (e) {
      throw new SignError(
        `${full("deploy")}: cannot regenerate a descriptor: ${(e as Error).message}`,
      );
    }
    for (const r of resealed) {
      const staged = join(staging, `resealed-${moves.length}`);
      writeFileSync(staged, r.bytes);
      moves.push({ from: staged, to: join(outDir, full(r.path)) });
      entries.set(dir, [...(entries.get(dir) ?? []), { path: r.path, sha256: sha256(r.bytes) }]);
    }
  }
  return { moves, entries };
}

/** The deepest folder holding a manifest.json that contains the file. */
function nearestDir(dirs: string[], file: string): string | undefined {
  const holders = dirs.filter((d) => d === "." || file.startsWith(`${d}/`));
  return holders.sort((a, b) => b.length - a.length)[0];
}

type Entry = { path: string; sha256: string };

function withEntries(text: string, key: string, entries: Entry[], name: string): string {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (e) {
    throw new SignError(`${name}: not valid JSON: ${(e as Error).message}`);
  }
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
    throw new SignError(`${name}: expected a JSON object`);
  }
  const record = manifest as Record<string, unknown>;
  const old = record[key] ?? [];
  if (!Array.isArray(old)) throw new SignError(`${name}: "${key}" is not an array`);
  if (entries.length === 0 && record[key] === undefined) return text;
  const fresh = new Set(entries.map((e) => e.path));
  const kept = (old as Entry[]).filter((e) => !fresh.has(e?.path));
  // Assigning keeps an existing key's position; a new key goes last.
  record[key] = [...kept, ...entries].sort((a, b) => compare(String(a.path), String(b.path)));
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** Renames staged files into place; on failure puts back what was already replaced. */
function commit(moves: Move[], staging: string): void {
  const done: Move[] = [];
  try {
    moves.forEach((m, i) => {
      const backup = join(staging, `backup-${i}`);
      renameSync(m.to, backup);
      done.push({ from: backup, to: m.to });
      renameSync(m.from, m.to);
    });
  } catch (e) {
    for (const d of done.reverse()) renameSync(d.from, d.to);
    throw e;
  }
}

/** Regular files under root as sorted forward-slash paths, skipping leftover staging folders. */
function listFiles(root: string, rel = ""): string[] {
  if (rel === "" && !isDir(root)) throw new SignError(`out folder not found: ${root}`);
  const entries = readdirSync(join(root, rel), { withFileTypes: true });
  const paths = entries.flatMap((d) => {
    const path = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) return d.name.startsWith(STAGING_PREFIX) ? [] : listFiles(root, path);
    return d.isFile() ? [path] : [];
  });
  return paths.sort(compare);
}

function isPs1(path: string): boolean {
  return /\.ps1$/i.test(path);
}

function isDir(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
