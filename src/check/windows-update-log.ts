// On NT 10.0 and later WindowsUpdate.log is an ETW trace decoded on request, not a text file
// anything appends to (docs/kb-facts.md#windows-update-log): a file-contains probe on it finds
// no current evidence there. Warn where the playbook can run on those versions, at the path.
import { compareVersions } from "../model/nt-version.js";
import type { PathExpr } from "../model/path-expr.js";
import { WINDOWS_UPDATE_CLIENT_LOG } from "../evidence/event.js";
import { allProbes } from "../plan/walk.js";
import type { Check } from "./check-input.js";

const ETW_FROM = "10.0";

function isWindowsUpdateLog(path: PathExpr | undefined): boolean {
  if (!path || path.base.kind !== "env") return false;
  const base = path.base.name.toLowerCase();
  return (
    (base === "windir" || base === "systemroot") &&
    path.segments.length === 1 &&
    path.segments[0]!.toLowerCase() === "windowsupdate.log"
  );
}

/** True when a Windows range ends before NT 10.0. */
const endsBeforeEtw = (max: string | undefined) =>
  max !== undefined && compareVersions(max, ETW_FROM) < 0;

export const windowsUpdateLog: Check = ({ plan, at }) => {
  if (endsBeforeEtw(plan.applies.windows?.max)) return;
  for (const probe of allProbes(plan.detection)) {
    if (probe.kind !== "file-contains") continue;
    if (endsBeforeEtw(probe.applies?.windows?.max)) continue;
    if (!isWindowsUpdateLog((probe as unknown as { path?: PathExpr }).path)) continue;
    at(
      probe.fieldSpans?.path ?? probe.span,
      "warning",
      "windows-update-log-etw",
      `probe '${probe.id}' reads WindowsUpdate.log, which Windows 10 and later (NT 10.0) no longer write as text: there it is an ETW trace, so the probe finds no current evidence`,
      `on NT 10.0 and later use an event probe on the ${WINDOWS_UPDATE_CLIENT_LOG} log (provider Microsoft-Windows-WindowsUpdateClient, dataContains: the HRESULT), or set applies.windows.max below 10.0 on the playbook or the probe`,
    );
  }
};
