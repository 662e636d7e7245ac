#!/usr/bin/env node
// The entry point. A plain `kbfix validate [paths..] [--format text|json]` runs straight away:
// start-up is a feature (see the benchmark), and that command line needs neither yargs nor
// anything of the back end. Every other command line, help and every error in the arguments
// included, goes to the yargs program (commands/yargs-cli.ts), which defines the interface.
import { plainValidate } from "./commands/plain-validate.js";

const args = process.argv.slice(2);
const plain = plainValidate(args);
if (plain) {
  const { validateCommand } = await import("./commands/validate.js");
  process.exitCode = validateCommand(plain.paths, plain.format);
} else {
  const { runCli } = await import("./commands/yargs-cli.js");
  runCli(args);
}
