// Characters that steer a terminal or reorder text when shown: C0 and C1 controls, DEL, and the
// bidirectional marks, embeddings, overrides and isolates. Text from a playbook, a site file or a
// fleet's results is shown only with them made harmless, and a site value may not hold them.
const STEERING = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function hasSteeringCharacter(text: string): boolean {
  return text.search(STEERING) >= 0;
}

/** `text` with each steering character replaced by what `by` makes of it. */
export function replaceSteering(text: string, by: (character: string) => string): string {
  return text.replace(STEERING, by);
}
