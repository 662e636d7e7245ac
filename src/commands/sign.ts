// `kbfix sign [out]`: Authenticode-sign every compiled .ps1 through osslsigncode
// and record the signed hashes in each manifest.
import { signOut, SignError, verifyOut, type SignCredentials } from "../sign/sign-out.js";

export interface SignOptions {
  out: string;
  cert?: string;
  key?: string;
  pfx?: string;
  pass?: string;
  verify?: string;
  timestamp?: string;
}

export function signCommand(options: SignOptions): number {
  const credentials: SignCredentials | undefined = options.pfx
    ? { pfxFile: options.pfx, pass: options.pass }
    : options.cert && options.key
      ? { certFile: options.cert, keyFile: options.key, pass: options.pass }
      : undefined;
  if (!credentials) {
    process.stderr.write("kbfix: give --pfx FILE, or --cert FILE and --key FILE\n");
    return 2;
  }
  try {
    const signed = signOut(
      options.out,
      credentials,
      options.timestamp ? { timestampUrl: options.timestamp } : {},
    );
    for (const s of signed) process.stdout.write(`signed ${s.path} sha256 ${s.sha256After}\n`);
    if (options.verify) {
      const failures = verifyOut(options.out, options.verify).filter((v) => !v.ok);
      for (const f of failures)
        process.stderr.write(`${f.path}: verification failed: ${f.message}\n`);
      if (failures.length) return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof SignError) {
      process.stderr.write(`kbfix: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
