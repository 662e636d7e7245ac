// Every committed file prettier formats (source, tests, docs, JSON, YAML) is formatted as
// `npm run format` leaves it, with the repository's .prettierignore: the style rule as a test,
// so an unformatted file fails CI instead of waiting for the next person to run the formatter.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as prettier from "prettier";
import { test } from "uvu";
import * as assert from "uvu/assert";

const IGNORE = ".prettierignore";

function committedFiles(): string[] {
  return execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
}

async function unformatted(file: string): Promise<boolean> {
  const info = await prettier.getFileInfo(file, { ignorePath: IGNORE });
  if (info.ignored || info.inferredParser === null) return false;
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch {
    return false; // deleted in the work tree, not yet in git's index
  }
  const options = (await prettier.resolveConfig(file)) ?? {};
  return !(await prettier.check(source, { ...options, filepath: file }));
}

test("every file prettier handles is formatted (run npm run format)", async () => {
  const files = committedFiles();
  assert.ok(files.length > 100, "git lists the repository's files");
  const flagged: string[] = [];
  for (const file of files) if (await unformatted(file)) flagged.push(file);
  assert.equal(flagged, []);
});

test("the check sees a badly formatted file", async () => {
  const options = (await prettier.resolveConfig("src/cli.ts")) ?? {};
  assert.not.ok(await prettier.check("const  x=1\n", { ...options, filepath: "src/x.ts" }));
});

test.run();
