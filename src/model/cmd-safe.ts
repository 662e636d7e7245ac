// The batch whitelist (docs/emitted-script-rules.md#cmd-value-whitelist): cmd.exe expands % and !,
// splits on & | < > ( ) ^, and cannot carry " or control characters, so only
// these characters may enter a .cmd; a value with any other makes its step or
// probe manual in the batch script (plan/cmd-carry.ts).

const CMD_SAFE = /^[A-Za-z0-9 _.,:\\+=@#$~{}\[\]-]*$/;
const CMD_SAFE_GLOB = /^[A-Za-z0-9 _.,:+=@#$~{}\[\]*?-]*$/;
/** Inside a value a / is plain text to cmd.exe; only a leading one could be read as a switch. */
const CMD_SAFE_SLASH = /^[A-Za-z0-9 _.,:\\+=@#$~{}\[\]\/-]*$/;
/**
 * A run argument is only ever set as `set "KB_A=..."` on a line of its own and passed
 * inside double quotes (templates/cmd/runtime/steps/run.cmd), never inside a
 * parenthesised block: there ( ) and ; are plain characters, as an SDDL string needs.
 */
const CMD_SAFE_ARGUMENT = /^[A-Za-z0-9 _.,:;()\\+=@#$~{}\[\]/-]*$/;

/**
 * A token searched for in a program's output (an SDDL string: D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)).
 * Parentheses and semicolons are plain text in `set "V=..."` outside a parenthesised block and
 * inside quotes; the templates use a token nowhere else (templates/cmd/runtime/CONTRACT.md).
 */
const CMD_SAFE_TOKEN = /^[A-Za-z0-9 _.,:\\+=@#$~{}\[\]();-]*$/;

/**
 * What a value is to the batch script, which decides the characters it may hold:
 * `text`: a path, name, key or data, the plain whitelist;
 * `glob`: a file name pattern, which may also hold * and ?;
 * `argument`: a program argument the playbook's author wrote (a leading - or / is a switch);
 * `token`: text searched for in a program's output;
 * `slashed`: text that may hold a / after its first character (event log names such as
 * Microsoft-Windows-WindowsUpdateClient/Operational, URL tokens).
 */
export type CmdValueKind = "text" | "glob" | "argument" | "token" | "slashed";

const PATTERNS: Record<CmdValueKind, RegExp> = {
  text: CMD_SAFE,
  glob: CMD_SAFE_GLOB,
  argument: CMD_SAFE_ARGUMENT,
  token: CMD_SAFE_TOKEN,
  slashed: CMD_SAFE_SLASH,
};

export function cmdSafeReason(value: string, kind: CmdValueKind = "text"): string | undefined {
  if (kind !== "argument" && /^[-/]/.test(value))
    return "starts with - or /, which a tool would read as a switch";
  const pattern = PATTERNS[kind];
  if (pattern.test(value)) return undefined;
  const bad = [...value].find((c) => !pattern.test(c)) ?? "";
  const shown = /^[\x21-\x7e]$/.test(bad)
    ? `'${bad}'`
    : `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return `contains ${shown}, which cmd.exe cannot carry safely`;
}
