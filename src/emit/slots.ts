// A slot is a placeholder a template renders where the emitter puts text it builds after
// rendering (the runtime section, its hash): each must be placed exactly once.
import { EmitError } from "./bytes.js";

/** The text before and after a slot the template must place exactly once. */
export function aroundSlot(name: string, text: string, slot: string): [string, string] {
  const at = text.indexOf(slot);
  if (at >= 0 && text.indexOf(slot, at + slot.length) < 0)
    return [text.slice(0, at), text.slice(at + slot.length)];
  throw new EmitError(`${name}: the template must place ${JSON.stringify(slot)} exactly once`);
}

export function fillSlot(name: string, text: string, slot: string, value: string): string {
  const [before, after] = aroundSlot(name, text, slot);
  return before + value + after;
}
