// compile, sign and verify: their modules (Handlebars, templates, osslsigncode) load only
// when one of them runs, so validate/list/explain start fast.
import type { Argv } from "yargs";
import { siteOptionProblem, siteOutProblem } from "./site-option.js";

export function registerBackEndCommands(cli: Argv, setExit: (code: number) => void): void {
  cli.command(
    "compile [paths..]",
    "compile playbooks into out/<id>/: remediation and detection scripts, launcher, README, manifest",
    (y) =>
      y
        .positional("paths", {
          type: "string",
          array: true,
          default: [] as string[],
          describe: "playbook files or folders (default: playbooks/, and out/ is owned whole)",
        })
        .option("out", { type: "string", default: "out", describe: "output folder" })
        .option("check", {
          type: "boolean",
          default: false,
          describe: "write nothing; exit 1 when out/ differs from what would be written",
        })
        .option("site", {
          type: "string",
          describe:
            "site file: parameter values (playbook id, then Name: value) the scripts carry as defaults",
        })
        .option("format", {
          choices: ["text", "json"] as const,
          default: "text" as const,
          describe: "diagnostics format",
        })
        .check((a) => siteOptionProblem(a.site) ?? siteOutProblem(a.site, a.out) ?? true),
    async (a) => {
      const { compileCommand } = await import("./compile.js");
      setExit(
        compileCommand({
          paths: a.paths as string[],
          out: a.out,
          check: a.check,
          format: a.format,
          site: a.site,
        }),
      );
    },
  );
  cli.command(
    "sign [out]",
    "Authenticode-sign the compiled .ps1 files with osslsigncode and record their hashes",
    (y) =>
      y
        .positional("out", {
          type: "string",
          default: "out",
          describe: "the compiled output folder",
        })
        .option("pfx", {
          type: "string",
          describe: "PKCS#12 file with the code-signing certificate and key",
        })
        .option("cert", { type: "string", describe: "certificate (PEM/DER), with --key" })
        .option("key", { type: "string", describe: "private key (PEM), with --cert" })
        .option("pass", { type: "string", describe: "password of the key or pfx" })
        .option("verify", {
          type: "string",
          describe: "CA certificate file: verify every signature after signing",
        })
        .option("timestamp", { type: "string", describe: "RFC 3161 timestamp server URL" }),
    async (a) => {
      const { signCommand } = await import("./sign.js");
      setExit(signCommand(a as never));
    },
  );
  cli.command(
    "verify [out]",
    "check every compiled (or signed) file against its manifest and each deployment descriptor against its scripts",
    (y) =>
      y
        .positional("out", {
          type: "string",
          default: "out",
          describe: "the compiled output folder",
        })
        .option("ca", {
          type: "string",
          describe: "CA certificate file: also verify every signature (osslsigncode)",
        }),
    async (a) => {
      const { verifyCommand } = await import("./verify.js");
      setExit(verifyCommand({ out: a.out, ca: a.ca }));
    },
  );
}
