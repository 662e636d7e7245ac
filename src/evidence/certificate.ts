// Certificates: one missing from a store, or (KB977203) a certificate whose
// friendly name contains a NUL character.
import { described, stringEnum } from "../model/json-schema.js";
import { CERTIFICATE_STORES, type CertificateStore } from "../steps/certificate.js";
import { psCall } from "../model/ps-call.js";
import { defineEvidenceKind, type PlanProbeBase } from "./evidence-kind.js";

export interface CertificateProbe extends PlanProbeBase {
  kind: "certificate";
  store: CertificateStore;
  condition: "missing" | "friendly-name-has-nul";
  thumbprint?: string;
  subject?: string;
}

/**
 * Data-named functions (docs/runtime.md): Test-KbCertificateProbe runs the function its call
 * names for the condition, so a script carries only the conditions its probes use.
 */
const CHECKS: Record<CertificateProbe["condition"], string> = {
  missing: "Test-KbCertificateMissing",
  "friendly-name-has-nul": "Test-KbCertificateNulFriendlyName",
};

export const certificateProbe = defineEvidenceKind<CertificateProbe>()({
  kind: "certificate",
  title: "Certificate missing or malformed",
  readme: { covers: "missing, or a NUL in a friendly name" },
  description:
    "missing: present when no certificate in the LocalMachine store matches the thumbprint or subject. friendly-name-has-nul: present when any certificate in the store has a NUL in its friendly name.",
  targets: { cmd: false, why: "batch has no dependable certificate store access on every Windows" },
  history: false,
  properties: {
    store: described("Store", "The LocalMachine store name.", stringEnum(CERTIFICATE_STORES)),
    condition: described(
      "Condition",
      "What counts as evidence.",
      stringEnum(["missing", "friendly-name-has-nul"]),
    ),
    thumbprint: described("Thumbprint", "SHA-1 thumbprint (for missing).", {
      type: "string",
      pattern: "^[0-9A-Fa-f]{40}$",
    }),
    subject: described("Subject", "Exact subject common name (for missing).", {
      type: "string",
      minLength: 1,
      maxLength: 200,
    }),
  },
  required: ["store", "condition"],
  cmdFields: {},
  ps1: psCall(
    "Test-KbCertificateProbe",
    ["Store", "store", "string"],
    ["Condition", "condition", "string"],
    ["Thumbprint", "thumbprint", "stringOrNull"],
    ["Subject", "subject", "stringOrNull"],
    [
      "Check",
      "condition",
      "string",
      { from: (condition: CertificateProbe["condition"]) => CHECKS[condition] },
    ],
  ),
  lower(raw, ctx) {
    if (raw.condition === "missing" && !raw.thumbprint === !raw.subject) {
      ctx.error(
        "",
        "certificate-match",
        "condition missing needs exactly one of thumbprint or subject",
        "add subject: or thumbprint:",
      );
      return undefined;
    }
    return {
      kind: "certificate",
      store: raw.store,
      condition: raw.condition,
      thumbprint: raw.thumbprint?.toUpperCase(),
      subject: raw.subject,
    };
  },
  describe: (p) =>
    p.condition === "missing"
      ? `LocalMachine\\${p.store} has no certificate ${p.thumbprint ?? `CN=${p.subject}`}`
      : `a certificate in LocalMachine\\${p.store} has a NUL character in its friendly name`,
});
