// `--site F` on validate and compile: one site file, named. yargs gives a repeated option as a
// list, which is a usage error here (exit 2), not a crash.
import { resolve } from "node:path";

export function siteOptionProblem(site: unknown): string | undefined {
  if (site === undefined) return undefined;
  if (Array.isArray(site)) return "give --site once: a build reads one site file";
  if (typeof site !== "string" || site.trim() === "") return "--site needs the path of a site file";
  return undefined;
}

/** A site build goes to a folder of its own: out/ holds the playbooks as written (and is committed). */
export function siteOutProblem(site: unknown, out: string): string | undefined {
  if (site === undefined) return undefined;
  if (resolve(out) === resolve("out"))
    return "--site builds for one site: give it an --out folder of its own, not out/";
  return undefined;
}
