// A ConfigMgr 2007 client (32-bit, so its version is under WOW6432Node on 64-bit Windows)
// with CCMCertFix.exe in a tools folder; broken(): 0x80092024 in CcmExec.log and a NUL inside
// a friendly name in the SMS certificate store.
import { PsMachine, type MachineOptions } from "../../support/simulated-windows-ps.js";

export const ID = "kb977203";
export const TOOLS = "C:\\Tools\\KB977203";
export const PARAMS = { CcmCertFixFolder: TOOLS };
export const CLIENT_KEY = "SOFTWARE\\WOW6432Node\\Microsoft\\SMS\\Mobile Client";
export const THUMBPRINT = "0123456789ABCDEF0123456789ABCDEF01234567";
export const CERT_KEY = `SOFTWARE\\Microsoft\\SystemCertificates\\SMS\\Certificates\\${THUMBPRINT}`;

/** A certificate's registry Blob: property 11 (friendly name, UTF-16 with its NUL). */
function blob(friendlyName: string): string {
  const name = Buffer.from(`${friendlyName}\0`, "utf16le");
  const header = Buffer.alloc(12);
  header.writeUInt32LE(11, 0);
  header.writeUInt32LE(1, 4);
  header.writeUInt32LE(name.length, 8);
  const other = Buffer.alloc(12 + 4);
  other.writeUInt32LE(3, 0); // SHA-1 hash property before it
  other.writeUInt32LE(1, 4);
  other.writeUInt32LE(4, 8);
  return Buffer.concat([other, header, name]).toString("hex").toUpperCase();
}

export function client(version: string, options: MachineOptions = {}): PsMachine {
  const machine = new PsMachine(options);
  machine.registry(CLIENT_KEY, "ProductVersion", { kind: "String", data: version });
  machine.file("C:\\Windows\\SysWOW64\\CCM\\Logs\\CcmExec.log", "client started\r\n");
  machine.registry(CERT_KEY, "Blob", { kind: "Binary", data: blob("SMS Signing Certificate") });
  machine.file(`${TOOLS}\\CCMCertFix.exe`, "MZ");
  const fixed = {
    registry: CERT_KEY,
    name: "Blob",
    kind: "Binary",
    data: blob("SMS Signing Certificate"),
  };
  machine.program(`${TOOLS}\\CCMCertFix.exe`, { exitCodes: [0], effects: [fixed] });
  return machine;
}

/** A patched SP2 client whose certificate import failed. */
export function broken(options: MachineOptions = {}): PsMachine {
  const machine = client("4.00.6487.2111", options);
  machine.file(
    "C:\\Windows\\SysWOW64\\CCM\\Logs\\CcmExec.log",
    "client started\r\nFailed to import the client certificate store (0x80092024)\r\n",
  );
  machine.registry(CERT_KEY, "Blob", { kind: "Binary", data: blob("SMS\0Signing Certificate") });
  return machine;
}
