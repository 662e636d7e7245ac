// A generated library of playbooks for the benchmarks: copies of the committed
// playbooks with fresh ids, written once into a temp folder.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../support/temp-dir.js";

const SEEDS = ["kb2328240", "kb822798", "kb977203"];
/** Playbook i of a library is a copy of seed i % SEED_COUNT. */
export const SEED_COUNT = SEEDS.length;

export function generateLibrary(count: number): { dir: string; files: string[] } {
  const dir = tempDir(`kbfix-bench-${count}-`);
  const sources = SEEDS.map((id) => ({ id, text: readFileSync(`playbooks/${id}.yaml`, "utf8") }));
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const seed = sources[i % sources.length]!;
    const id = `${seed.id}-${String(i).padStart(5, "0")}`;
    const file = join(dir, `${id}.yaml`);
    writeFileSync(file, seed.text.replace(new RegExp(`^id: ${seed.id}$`, "m"), `id: ${id}`));
    files.push(file);
  }
  return { dir, files };
}
