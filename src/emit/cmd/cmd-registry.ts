// Registry data for the batch templates: as `reg add /d` takes it and as `reg query`
// prints it, so the script compares text without converting anything.
import type { RegistryData } from "../../steps/registry-value.js";
import type { RegistryView } from "../../steps/registry-view.js";

export interface CmdRegistryView {
  key: string;
  name: string;
  isDefault: number;
  regType: string;
  /** The data as `reg add /d` takes it. */
  addData: string;
  /** The data as `reg query` prints it. */
  want: string;
  /** 1: hex output (dword, qword, binary), compared without case. */
  hex: number;
  /** The HKLM view, 32 or 64; 0 the script's own (kb_reg_view turns it into /reg:32 or /reg:64). */
  view: number;
}

const REG_TYPES: Record<RegistryData["type"], string> = {
  string: "REG_SZ",
  "expand-string": "REG_EXPAND_SZ",
  "multi-string": "REG_MULTI_SZ",
  dword: "REG_DWORD",
  qword: "REG_QWORD",
  binary: "REG_BINARY",
};

export function registryView(
  key: string,
  name: string,
  data: RegistryData,
  view: RegistryView | undefined = undefined,
): CmdRegistryView {
  const [addData, want, hex] = registryData(data);
  return {
    key,
    name,
    isDefault: name === "" ? 1 : 0,
    regType: REG_TYPES[data.type],
    addData,
    want,
    hex,
    view: view ?? 0,
  };
}

function registryData(data: RegistryData): [string, string, number] {
  switch (data.type) {
    case "dword":
      return [String(data.value), `0x${data.value.toString(16)}`, 1];
    case "qword": {
      const hex = `0x${BigInt(data.value).toString(16)}`;
      return [hex, hex, 1];
    }
    case "binary":
      return [data.value, data.value, 1];
    case "multi-string": {
      const joined = data.value.join("\\0");
      return [trailingBackslashes(joined), joined, 0];
    }
    default:
      return [trailingBackslashes(data.value), data.value, 0];
  }
}

/** reg.exe reads `\"` as an escaped quote: a value ending in backslashes needs them doubled. */
function trailingBackslashes(value: string): string {
  return value.replace(/(\\+)$/, "$1$1");
}
