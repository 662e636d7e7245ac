// Thin wrappers over the osslsigncode CLI (always execFileSync with an argument array, never a
// shell) plus the facts about the signature block it appends to a .ps1 file.
import { isSignatureBlock, splitSignature } from "../model/signature-block.js";
export { isSignatureBlock, splitSignature };
import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

export type SignCredentials =
  { certFile: string; keyFile: string; pass?: string } | { pfxFile: string; pass?: string };

export class SignError extends Error {
  override name = "SignError";
}

// PowerShell signing arrived in osslsigncode 2.8 (upstream NEWS.md: "Microsoft PowerShell signing").
const MIN_VERSION: [number, number] = [2, 8];
export const INSTALL_HINT = "apt-get install osslsigncode (2.8+ signs PowerShell scripts)";
const TOOL_ENV = "KBFIX_OSSLSIGNCODE";

/** Finds osslsigncode: explicit path, then $KBFIX_OSSLSIGNCODE, then PATH; checks its version. */
export function locateOsslsigncode(explicit?: string): string {
  const configured = explicit ?? process.env[TOOL_ENV];
  const tool = configured ?? searchPath("osslsigncode");
  if (tool === undefined || !isExecutable(tool)) {
    const where = configured === undefined ? "" : ` at ${configured}`;
    throw new SignError(`osslsigncode is not installed${where}: ${INSTALL_HINT}`);
  }
  checkVersion(tool);
  return tool;
}

function searchPath(name: string): string | undefined {
  const dirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  return dirs.map((dir) => join(dir, name)).find(isExecutable);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function checkVersion(tool: string): void {
  const { stdout } = run(tool, ["--version"]);
  const m = /osslsigncode (\d+)\.(\d+)/.exec(stdout);
  const [major, minor] = [Number(m?.[1]), Number(m?.[2])];
  const [wantMajor, wantMinor] = MIN_VERSION;
  if (!m || major < wantMajor || (major === wantMajor && minor < wantMinor)) {
    const found = m ? `${major}.${minor}` : "of unknown version";
    throw new SignError(`osslsigncode ${found} at ${tool} is too old: ${INSTALL_HINT}`);
  }
}

interface RunResult {
  status: number;
  output: string;
  stdout: string;
}

function run(tool: string, args: string[]): RunResult {
  try {
    const stdout = execFileSync(tool, args, {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 120_000, // a stuck timestamp server must not hang the build
    });
    return { status: 0, output: stdout, stdout };
  } catch (e) {
    const err = e as { status?: number | null; stdout?: string; stderr?: string; message: string };
    if (typeof err.status !== "number") throw new SignError(`cannot run ${tool}: ${err.message}`);
    const stdout = err.stdout ?? "";
    return { status: err.status, output: `${stdout}\n${err.stderr ?? ""}`, stdout };
  }
}

/** Signs input into output (paths must end in .ps1: osslsigncode picks the format by extension). */
export function signFile(
  tool: string,
  input: string,
  output: string,
  credentials: SignCredentials,
  timestampUrl?: string,
): void {
  const secrets = mkdtempSync(join(tmpdir(), "kbfix-sign-"));
  try {
    const ts = timestampUrl ? ["-ts", timestampUrl] : [];
    const creds = credentialArgs(credentials, secrets);
    const args = ["sign", ...creds, "-h", "sha256", ...ts, "-in", input, "-out", output];
    const result = run(tool, args);
    if (result.status !== 0) throw new SignError(`osslsigncode sign failed: ${problems(result)}`);
  } finally {
    rmSync(secrets, { recursive: true, force: true });
  }
}

function credentialArgs(credentials: SignCredentials, secrets: string): string[] {
  const files =
    "pfxFile" in credentials ? [credentials.pfxFile] : [credentials.certFile, credentials.keyFile];
  const missing = files.find((file) => !existsSync(file));
  if (missing !== undefined) throw new SignError(`signing credential file not found: ${missing}`);
  const base =
    "pfxFile" in credentials
      ? ["-pkcs12", credentials.pfxFile]
      : ["-certs", credentials.certFile, "-key", credentials.keyFile];
  if (!credentials.pass) return base;
  // -readpass keeps the password out of the process list, which -pass would expose.
  const passFile = join(secrets, "pass");
  writeFileSync(passFile, credentials.pass, { mode: 0o600 });
  return [...base, "-readpass", passFile];
}

/** Verifies one signed file; for a self-signed cert pass that cert as caCertFile. */
export function verifyFile(
  tool: string,
  file: string,
  caCertFile?: string,
): { ok: boolean; message: string } {
  const ca = caCertFile === undefined ? [] : ["-CAfile", caCertFile];
  const result = run(tool, ["verify", ...ca, "-in", file]);
  if (result.status === 0) return { ok: true, message: "Signature verification: ok" };
  if (result.output.includes("MISMATCH")) {
    return { ok: false, message: "message digest MISMATCH: the script changed after signing" };
  }
  return { ok: false, message: problems(result) };
}

/** The lines of osslsigncode output a person needs, without OpenSSL's error-stack noise. */
function problems(result: RunResult): string {
  const lines = result.output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => /error|fail|no signature|unable/i.test(line))
    .filter((line) => !/^[0-9A-F]+:error:|:$/.test(line) && line !== "Failed");
  return [...new Set(lines)].join("; ") || `exit status ${result.status}`;
}

// What osslsigncode 2.9 appends (script.c): for each line "\r\n# " + text, then a final "\r\n".
// The block starts with that leading CRLF, so a body ending in CRLF gets one blank line before it.
/** 7-bit ASCII, every line ending in CRLF, including the last. */
export function isAsciiCrlf(bytes: Buffer): boolean {
  const text = bytes.toString("latin1");
  return /^[\x00-\x7f]*$/.test(text) && text.endsWith("\r\n") && !/\r(?!\n)|(?<!\r)\n/.test(text);
}
