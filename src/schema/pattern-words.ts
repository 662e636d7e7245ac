// Every pattern the playbook schema uses, in words: a schema error says what a value must
// look like instead of printing a regular expression (a test checks each pattern has words).

export const PATTERN_WORDS: Readonly<Record<string, string>> = {
  "^[a-z0-9][a-z0-9-]{0,62}$":
    "lowercase letters, digits and '-', starting with a letter or digit, at most 63 characters (e.g. kb2328240)",
  "^https?://[^\\s]+$": "an http:// or https:// address without spaces",
  "^[0-9]+(\\.[0-9]+)?$": "a revision number such as 2 or 2.0",
  "^[a-z]{2}(-[A-Za-z]{2,4})?$": "a language tag such as en-US or sv-SE",
  '^[^\\\\/:<>"|]+$': 'a name without \\ / : < > " or |',
  "^[0-9]{1,9}(\\.[0-9]{1,9}){0,3}$": "a version of one to four numbers, such as 5.131.2600.5512",
  "^(5\\.[0-2]|6\\.[0-3]|10\\.0)(\\.[0-9]{1,5})?$":
    "an NT version kbfix knows (5.0 to 5.2, 6.0 to 6.3 or 10.0), optionally with a build of up to five digits (Windows 11 is 10.0.22000)",
  "^HKLM\\\\[^\\\\].*[^\\\\]$":
    "a key under HKLM\\, such as HKLM\\Software\\Microsoft, without a trailing \\",
  "^HK(LM|CU)\\\\[^\\\\].*[^\\\\]$":
    "a key under HKLM\\ (or HKCU\\ inside a per-user step), such as HKLM\\Software\\Microsoft, without a trailing \\",
  "^[A-Za-z0-9_.-]{1,80}$": "letters, digits, '_', '.' and '-', 1 to 80 characters",
  '^[^\\\\/:*?"<>|]+$': 'one file or folder name: no \\ / : * ? " < > or |',
  "^[0-9A-Fa-f]{40}$": "40 hexadecimal digits (a SHA-1 thumbprint without spaces)",
  "^[A-Za-z][A-Za-z0-9 /-]{0,99}$":
    "a log name: letters, digits, spaces, '/' and '-', starting with a letter (e.g. Application)",
  "^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$":
    "a provider name: letters, digits, spaces, '.', '_' and '-' (e.g. Microsoft-Windows-CAPI2)",
  "^[A-Za-z0-9._:/-]{1,200}$":
    "a token of letters, digits and . _ : / - (no spaces), up to 200 characters",
  "^[A-Z][A-Za-z0-9]{1,39}$":
    "a PowerShell-style name: a capital letter, then letters and digits, 2 to 40 characters (e.g. CertFile)",
  "^[A-Za-z0-9_.-]{1,60}$": "letters, digits, '_', '.' and '-', 1 to 60 characters",
};

/** "must be <words>" for a pattern the schema uses; the pattern itself when it has none. */
export function patternInWords(pattern: string): string {
  const words = PATTERN_WORDS[pattern];
  return words ? `must be ${words}` : `must match the pattern ${pattern}`;
}
