// The one command line src/cli.ts runs without yargs: `validate`, then paths, and at most one
// `--format text|json` (or `--format=...`). Anything else (an option, a flag, a value that
// could be read as one, help) returns undefined and yargs parses it, so the two cannot differ:
// on this shape yargs also gives positional strings and the format named or "text".
import type { OutputFormat } from "./output.js";

const FORMATS: readonly string[] = ["text", "json"];

export function plainValidate(
  args: readonly string[],
): { paths: string[]; format: OutputFormat } | undefined {
  if (args[0] !== "validate") return undefined;
  const paths: string[] = [];
  let format: string | undefined;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("-")) {
      if (arg === "" || /^\s|\s$/.test(arg)) return undefined;
      paths.push(arg);
      continue;
    }
    if (format !== undefined) return undefined;
    if (arg === "--format") format = args[++i];
    else if (arg.startsWith("--format=")) format = arg.slice("--format=".length);
    else return undefined;
    if (format === undefined || !FORMATS.includes(format)) return undefined;
  }
  return { paths, format: (format ?? "text") as OutputFormat };
}
