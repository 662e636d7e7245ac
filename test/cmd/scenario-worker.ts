// A worker thread of wineScenarios (wine-gate.ts). It imports the suite, whose scenario
// calls register their bodies here instead of with uvu, then runs the scenarios the
// suite's main thread sends, one at a time, and answers each with its outcome.
import { parentPort, workerData } from "node:worker_threads";
import { removeTempDirs } from "../support/temp-dir.js";
import { workerScenarios } from "./wine-gate.js";

const port = parentPort!;
await import((workerData as { module: string }).module);
port.on("message", async (index: number | "done") => {
  // No scenario left: remove this thread's temporary folders, then let the thread end.
  if (index === "done") {
    removeTempDirs();
    port.close();
    return;
  }
  try {
    await workerScenarios[index]!();
    port.postMessage({ index });
  } catch (e) {
    port.postMessage({ index, error: serialize(e) });
  }
});
port.postMessage("ready");

/** What uvu prints of a failure: its message, an assertion's details and operator, the stack. */
function serialize(e: unknown) {
  if (!(e instanceof Error)) return { name: "Error", message: String(e) };
  const { details, operator, generated, code } = e as Error & Record<string, unknown>;
  return {
    name: e.name,
    message: e.message,
    stack: e.stack,
    ...(typeof details === "string" ? { details } : {}),
    ...(typeof operator === "string" ? { operator } : {}),
    ...(typeof generated === "boolean" ? { generated } : {}),
    ...(typeof code === "string" ? { code } : {}),
  };
}
