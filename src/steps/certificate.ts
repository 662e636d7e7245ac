// A certificate present in a LocalMachine store (Trusted Publishers, Root).
// Present -> ok. Missing -> imported from a file parameter when the caller gave
// one, otherwise reported as manual work: never silently "fixed".
import { described, stringEnum } from "../model/json-schema.js";
import { psCall } from "../model/ps-call.js";
import { defineStepKind, type PlanStepBase } from "./step-kind.js";

export const CERTIFICATE_STORES = ["Root", "TrustedPublisher", "CA", "My", "SMS"] as const;
export type CertificateStore = (typeof CERTIFICATE_STORES)[number];

export interface CertificateStep extends PlanStepBase {
  kind: "certificate";
  store: CertificateStore;
  /** Uppercase hex SHA-1 thumbprint, or undefined when matched by subject. */
  thumbprint?: string;
  subject?: string;
  importFrom?: string;
}

export const certificate = defineStepKind<CertificateStep>()({
  kind: "certificate",
  title: "Certificate in a store",
  readme: { covers: "present in a LocalMachine store; import from a parameter" },
  description:
    "Makes sure a certificate is in a LocalMachine store, matched by thumbprint or by subject; imports it from a .cer parameter when given, else reports manual work.",
  idempotence: "state",
  targets: {
    cmd: false,
    why: "batch has no dependable certificate store access on every Windows (certutil is missing on XP)",
  },
  properties: {
    store: described(
      "Store",
      "The LocalMachine store name as Windows spells it: Root, TrustedPublisher, CA, My, SMS.",
      stringEnum(CERTIFICATE_STORES),
    ),
    thumbprint: described("Thumbprint", "SHA-1 thumbprint, 40 hex digits.", {
      type: "string",
      pattern: "^[0-9A-Fa-f]{40}$",
    }),
    subject: described(
      "Subject",
      "Exact subject common name, e.g. Microsoft Root Authority (matched as CN=<subject>).",
      { type: "string", minLength: 1, maxLength: 200 },
    ),
    importFrom: described(
      "Import from",
      "Name of a path parameter holding a .cer file to import when the certificate is missing.",
      { type: "string" },
    ),
  },
  required: ["store"],
  cmdFields: {},
  perUser: false,
  ps1: psCall(
    "Invoke-KbCertificateStep",
    ["Store", "store", "string"],
    ["Thumbprint", "thumbprint", "stringOrNull"],
    ["Subject", "subject", "stringOrNull"],
    ["ImportFrom", "importFrom", "stringOrNull"],
  ),
  lower(raw, ctx) {
    if (!raw.thumbprint === !raw.subject) {
      ctx.error(
        "",
        "certificate-match",
        "give exactly one of thumbprint or subject",
        "thumbprint is exact; subject matches CN=<subject>",
      );
      return undefined;
    }
    if (raw.importFrom && ctx.parameterType(raw.importFrom) !== "path") {
      ctx.error(
        "importFrom",
        "unknown-parameter",
        `importFrom names '${raw.importFrom}', which is not a declared path parameter`,
        "declare it under parameters: with type: path",
      );
      return undefined;
    }
    return {
      kind: "certificate",
      store: raw.store,
      thumbprint: raw.thumbprint?.toUpperCase(),
      subject: raw.subject,
      importFrom: raw.importFrom,
    };
  },
  describe: (s) =>
    `certificate ${s.thumbprint ?? `CN=${s.subject}`} present in LocalMachine\\${s.store}${s.importFrom ? ` (imported from <${s.importFrom}> when missing)` : " (manual import when missing)"}`,
});
