// `kbfix verify [out]`: compiled or signed, every file still what the manifest says and every
// deployment descriptor in agreement with its scripts; with --ca, the signatures too.
import { existsSync } from "node:fs";
import { verifyOutFolder } from "../deploy/verify-out.js";
import { SignError, verifyOut } from "../sign/sign-out.js";

export function verifyCommand(options: { out: string; ca?: string }): number {
  if (!existsSync(options.out)) {
    process.stderr.write(`kbfix: out folder not found: ${options.out}\n`);
    return 2;
  }
  const { folders, problems } = verifyOutFolder(options.out);
  for (const p of problems) process.stderr.write(`${options.out}/${p.path}: ${p.message}\n`);
  let signatureFailures = 0;
  if (options.ca) {
    try {
      const failures = verifyOut(options.out, options.ca).filter((v) => !v.ok);
      for (const f of failures)
        process.stderr.write(`${options.out}/${f.path}: signature: ${f.message}\n`);
      signatureFailures = failures.length;
    } catch (error) {
      if (!(error instanceof SignError)) throw error;
      process.stderr.write(`kbfix: ${error.message}\n`);
      return 1;
    }
  }
  const bad = problems.length + signatureFailures;
  process.stderr.write(
    bad
      ? `${bad} problem(s) in ${folders} playbook folder(s)\n`
      : `${folders} playbook folder(s) verified\n`,
  );
  return bad ? 1 : 0;
}
