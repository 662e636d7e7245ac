// The only way a value enters a Group Policy scripts.ini / psscripts.ini: one line of
// printable text, in the UTF-16LE-with-BOM encoding Windows writes these files in ([MS-GPSCR]).
import { QuoteError } from "../emit/quote-ps.js";

export function iniValue(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value) || value.trim() !== value)
    throw new QuoteError(`'${value}' cannot be a scripts.ini value`);
  return value;
}

/** Sections of key=value lines, CRLF, as UTF-16LE with a byte order mark. */
export function iniBytes(sections: Record<string, [string, string][]>): Buffer {
  const lines = [""];
  for (const [name, keys] of Object.entries(sections)) {
    lines.push(`[${name}]`);
    for (const [key, value] of keys) lines.push(`${key}=${iniValue(value)}`);
  }
  const text = lines.join("\r\n") + "\r\n";
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}
