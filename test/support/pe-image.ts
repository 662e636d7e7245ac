// The smallest file whose PE header names a processor: 'MZ', the offset of the signature at
// 0x3C, then 'PE\0\0' and the Machine field (docs/kb-facts.md#regsvr32). Enough for the
// runtime's bitness check; no loader would accept it, and the simulations never load it.
export const PE_MACHINES = { x86: 0x014c, x64: 0x8664, arm64: 0xaa64 } as const;

export type PeMachine = keyof typeof PE_MACHINES;

const SIGNATURE_OFFSET = 0x80;

export function peImage(machine: PeMachine | number): Buffer {
  const image = Buffer.alloc(SIGNATURE_OFFSET + 24, 0);
  image.write("MZ", 0, "latin1");
  image.writeInt32LE(SIGNATURE_OFFSET, 0x3c);
  image.write("PE\0\0", SIGNATURE_OFFSET, "latin1");
  image.writeUInt16LE(
    typeof machine === "number" ? machine : PE_MACHINES[machine],
    SIGNATURE_OFFSET + 4,
  );
  return image;
}
