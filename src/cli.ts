#!/usr/bin/env node
// The entry point. A plain `kbfix validate [paths..] [--format text|json]` runs straight away:
// start-up is a feature (see the benchmark), and that command line needs neither yargs nor
// anything of the back end. Every other command line, help and every error in the arguments
// included, goes to the yargs program (commands/yargs-cli.ts), which defines the interface.
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { plainValidate } from "./commands/plain-validate.js";
import { requireWithCodeCache } from "./commands/cached-script.js";
import type { validateCommand as ValidateCommand } from "./commands/validate.js";

/**
 * The validator: from the build's one-file CommonJS bundle beside this file when there is one
 * (dist/bundle, loaded through V8's code cache), else from the compiled modules (dist/src).
 */
async function loadValidate(): Promise<typeof ValidateCommand> {
  const bundle = fileURLToPath(new URL("./validate.cjs", import.meta.url));
  const bundled = requireWithCodeCache(bundle);
  if (bundled) return bundled.exports.validateCommand as typeof ValidateCommand;
  return (await import("./commands/validate.js")).validateCommand;
}

const args = process.argv.slice(2);
const plain = plainValidate(args);
if (plain) {
  // Validation is short-lived: V8's optimizing compiler (TurboFan) would spend more CPU on its
  // background threads than its code saves (docs/performance.md). Set before any validator code
  // runs, and the same in the build's warm-up run, whose code cache holds the flags' hash.
  setFlagsFromString("--no-turbofan");
  const validateCommand = await loadValidate();
  process.exitCode = validateCommand(plain.paths, plain.format);
} else {
  const { runCli } = await import("./commands/yargs-cli.js");
  runCli(args);
}
