// The batch whitelist (docs/emitted-script-rules.md#cmd-value-whitelist): cmd.exe expands % and !,
// splits on & | < > ( ) ^, and cannot carry " or control characters, so only
// these characters may enter a .cmd; anything else is a compile error.

const CMD_SAFE = /^[A-Za-z0-9 _.,:\\+=@#$~{}\[\]-]*$/;
const CMD_SAFE_GLOB = /^[A-Za-z0-9 _.,:+=@#$~{}\[\]*?-]*$/;

/**
 * A token searched for in a program's output (an SDDL string: D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)).
 * Parentheses and semicolons are plain text in `set "V=..."` outside a parenthesised block and
 * inside quotes; the templates use a token nowhere else (templates/cmd/runtime/CONTRACT.md).
 */
const CMD_SAFE_TOKEN = /^[A-Za-z0-9 _.,:\\+=@#$~{}\[\]();-]*$/;

/** `switchAllowed`: a switch the playbook's author wrote for a program (run arguments). */
export function cmdSafeReason(
  value: string,
  glob = false,
  switchAllowed = false,
  token = false,
): string | undefined {
  if (!switchAllowed && /^[-/]/.test(value))
    return "starts with - or /, which a tool would read as a switch";
  const pattern = token ? CMD_SAFE_TOKEN : glob ? CMD_SAFE_GLOB : CMD_SAFE;
  // A switch's leading / is plain text to cmd.exe (inside set "..." and quotes alike).
  if (pattern.test(switchAllowed ? value.replace(/^\//, "") : value)) return undefined;
  const bad = [...value].find((c) => !pattern.test(c)) ?? "";
  const shown = /^[\x21-\x7e]$/.test(bad)
    ? `'${bad}'`
    : `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return `contains ${shown}, which cmd.exe cannot carry safely`;
}
