// Folders of result files for the report tests: the genuine fixtures, and variants of them
// written by hand (a changed machine name, a broken body) in a fresh temporary folder.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tempDir } from "../support/temp-dir.js";

export const FIXTURES = "test/fixtures/results";

export function fixture(name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(FIXTURES, name), "utf8"));
}

export const fixtureNames = (): string[] => readdirSync(FIXTURES).sort();

export function tempFolder(prefix = "kbfix-report-"): string {
  return tempDir(prefix);
}

/** Writes files (name -> text or JSON value) under a fresh folder and returns the folder. */
export function folderWith(files: Record<string, unknown>): string {
  const dir = tempFolder();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

/** A genuine result document with some fields replaced. */
export function variant(name: string, changes: Record<string, unknown>): Record<string, any> {
  return { ...fixture(name), ...changes };
}
