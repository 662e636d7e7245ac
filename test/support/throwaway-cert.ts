// A throwaway self-signed code-signing certificate made with openssl, for signing tests only.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./temp-dir.js";

export interface ThrowawayCert {
  dir: string;
  keyFile: string; // unencrypted PEM
  certFile: string; // PEM; also the CA file to verify against, since it is self-signed
  pfxFile: string; // key + cert, protected by pfxPass
  pfxPass: string;
  cleanup(): void;
}

export function makeThrowawayCert(): ThrowawayCert {
  const dir = tempDir("kbfix-cert-");
  const keyFile = join(dir, "key.pem");
  const certFile = join(dir, "cert.pem");
  const pfxFile = join(dir, "cert.pfx");
  const pfxPass = "kbfix-throwaway";
  openssl(
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certFile]
      .concat(["-days", "2", "-subj", "/CN=kbfix throwaway test signer"])
      .concat(["-addext", "keyUsage=critical,digitalSignature"])
      .concat(["-addext", "extendedKeyUsage=codeSigning"]),
  );
  openssl(
    ["pkcs12", "-export", "-inkey", keyFile, "-in", certFile, "-out", pfxFile].concat([
      "-passout",
      `pass:${pfxPass}`,
    ]),
  );
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  return { dir, keyFile, certFile, pfxFile, pfxPass, cleanup };
}

function openssl(args: string[]): void {
  execFileSync("openssl", args, { stdio: ["ignore", "pipe", "pipe"] });
}
