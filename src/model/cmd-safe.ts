// The batch whitelist (docs/emitted-script-rules.md#cmd-value-whitelist): cmd.exe expands % and !,
// splits on & | < > ( ) ^, and cannot carry " or control characters, so only
// these characters may enter a .cmd; anything else is a compile error.

const CMD_SAFE = /^[A-Za-z0-9 _.,:\\+=@#$~{}\[\]-]*$/;
const CMD_SAFE_GLOB = /^[A-Za-z0-9 _.,:+=@#$~{}\[\]*?-]*$/;
/** Inside a value a / is plain text to cmd.exe; only a leading one could be read as a switch. */
const CMD_SAFE_SLASH = /^[A-Za-z0-9 _.,:\\+=@#$~{}\[\]\/-]*$/;

/**
 * `switchAllowed`: a switch the playbook's author wrote for a program (run arguments).
 * `slashAllowed`: a / inside the value, not at its start (event log names such as
 * Microsoft-Windows-WindowsUpdateClient/Operational, URL tokens).
 */
export function cmdSafeReason(
  value: string,
  glob = false,
  switchAllowed = false,
  slashAllowed = false,
): string | undefined {
  if (!switchAllowed && /^[-/]/.test(value))
    return "starts with - or /, which a tool would read as a switch";
  const pattern = glob ? CMD_SAFE_GLOB : slashAllowed ? CMD_SAFE_SLASH : CMD_SAFE;
  if (pattern.test(value)) return undefined;
  const bad = [...value].find((c) => !pattern.test(c)) ?? "";
  const shown = /^[\x21-\x7e]$/.test(bad)
    ? `'${bad}'`
    : `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return `contains ${shown}, which cmd.exe cannot carry safely`;
}
