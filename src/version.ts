// The tool's version, read once from package.json (it goes into every emitted header).
import { readFileSync } from "node:fs";

export const TOOL_NAME = "kbfix";
export const TOOL_VERSION: string = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
).version;
