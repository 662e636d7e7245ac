// The registry of evidence kinds: one file each plus one line here.
import { certificateProbe } from "./certificate.js";
import { command } from "./command.js";
import { event } from "./event.js";
import type { EvidenceKind } from "./evidence-kind.js";
import { fileContains } from "./file-contains.js";
import { fileSize } from "./file-size.js";
import { fileVersion } from "./file-version.js";
import { productVersion } from "./product-version.js";
import { registryValueProbe } from "./registry-value.js";
import { serviceState } from "./service-state.js";

export const evidenceKinds = {
  event,
  "file-contains": fileContains,
  "file-size": fileSize,
  "file-version": fileVersion,
  "service-state": serviceState,
  "registry-value": registryValueProbe,
  certificate: certificateProbe,
  "product-version": productVersion,
  command,
} satisfies Record<string, EvidenceKind>;

export type EvidenceKindName = keyof typeof evidenceKinds;

export type PlanProbe = {
  [K in EvidenceKindName]: (typeof evidenceKinds)[K] extends EvidenceKind<any, infer L> ? L : never;
}[EvidenceKindName];

export function isEvidenceKindName(name: string): name is EvidenceKindName {
  return Object.hasOwn(evidenceKinds, name);
}
