// The command line: yargs parses, a command function does the work and returns
// the exit code (0 ok, 1 diagnostics, 2 usage). No stack traces reach people.
// src/cli.ts loads this module for every command line except a plain validate.
import yargs from "yargs";
import { explainCommand } from "./explain.js";
import { listCommand } from "./list.js";
import { newCommand } from "./new.js";
import { validateCommand } from "./validate.js";
import type { OutputFormat } from "./output.js";
import { TOOL_VERSION } from "../version.js";
import { registerBackEndCommands } from "./back-end-commands.js";
import { siteOptionProblem } from "./site-option.js";

const formatOption = {
  choices: ["text", "json"] as const,
  default: "text" as const,
  describe: "output format",
};
const pathsOption = {
  type: "string" as const,
  array: true,
  default: [] as string[],
  describe: "playbook files or folders (default: playbooks/)",
};

function setExit(code: number): void {
  process.exitCode = code;
}

export function runCli(args: string[]): void {
  const cli = yargs(args)
    .scriptName("kbfix")
    .usage("$0 <command> [options]")
    .command(
      "validate [paths..]",
      "check playbooks against the schema and the semantic rules",
      (y) =>
        y
          .positional("paths", pathsOption)
          .option("format", formatOption)
          .option("site", { type: "string", describe: "also check a site file's values" })
          .check((a) => siteOptionProblem(a.site) ?? true),
      (a) => setExit(validateCommand(a.paths as string[], a.format as OutputFormat, a.site)),
    )
    .command(
      "list [paths..]",
      "one line per playbook: methods, risk, reboot, targets",
      (y) => y.positional("paths", pathsOption).option("format", formatOption),
      (a) => setExit(listCommand(a.paths as string[], a.format as OutputFormat)),
    )
    .command(
      "explain <id> [paths..]",
      "the plan in words: what is checked and what would change, per method",
      (y) =>
        y
          .positional("id", {
            type: "string",
            demandOption: true,
            describe: "playbook id, e.g. kb822798",
          })
          .positional("paths", pathsOption),
      (a) => setExit(explainCommand(a.id as string, a.paths as string[])),
    )
    .command(
      "new <id>",
      "create playbooks/<id>.yaml from a scaffold",
      (y) =>
        y.positional("id", { type: "string", demandOption: true }).option("dir", {
          type: "string",
          default: "playbooks",
          describe: "folder to create it in",
        }),
      (a) => setExit(newCommand(a.id as string, a.dir as string)),
    )
    .command(
      "report <inputs..>",
      "fleet roll-up of result files (.result.json) and Intune device-status exports (.csv)",
      (y) =>
        y
          .positional("inputs", {
            type: "string",
            array: true,
            demandOption: true,
            describe: "folders (walked to any depth), result files or CSV exports",
          })
          .option("format", formatOption)
          .option("html", {
            type: "string",
            describe: "also write a self-contained HTML page here",
          })
          .option("top", {
            type: "number",
            default: 10,
            describe: "failing steps listed per playbook",
          })
          .option("max-machines", {
            type: "number",
            default: 50,
            describe: "failing machines listed per playbook (text and HTML; JSON lists all)",
          })
          .option("max-file-mb", {
            type: "number",
            default: 5,
            describe: "skip (and name) result files larger than this",
          }),
      async (a) => {
        const { reportCommand } = await import("./report.js");
        setExit(
          reportCommand({
            inputs: a.inputs as string[],
            format: a.format as OutputFormat,
            html: a.html,
            top: a.top,
            maxMachines: a.maxMachines,
            maxFileMb: a.maxFileMb,
          }),
        );
      },
    );

  registerBackEndCommands(cli, setExit);

  cli
    .demandCommand(
      1,
      "name a command: validate, list, explain, new, compile, sign, verify or report",
    )
    .strict()
    .recommendCommands()
    .version(TOOL_VERSION)
    .help()
    .alias("h", "help")
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .fail((message, error) => {
      // A check that returns its message (a usage problem) arrives as a string, not an Error.
      if (error instanceof Error) {
        process.stderr.write(`kbfix: internal error: ${error.message}\n`);
        process.exit(70);
      }
      process.stderr.write(`kbfix: ${message}\nRun 'kbfix --help' for usage.\n`);
      process.exit(2);
    })
    .parse();
}
