// What no emitted script can hold, whatever the target: text without a UTF-8
// encoding (a lone surrogate, which only a YAML "\uD800" escape can produce) and a
// line that resembles an Authenticode signature marker (signing and verifying would
// split the script there). The emitters refuse both; the document check
// (front/document-values.ts) reports them at the value first, so `kbfix validate` and
// `kbfix compile` agree.

export const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const SIGNATURE_MARKER = /sig\s*#\s*(begin|end)\s+signature\s+block/i;

/** Why a playbook value cannot enter any script, or undefined when it can. */
export function scriptTextReason(value: string): string | undefined {
  if (LONE_SURROGATE.test(value)) return "contains a lone surrogate, which has no UTF-8 encoding";
  if (SIGNATURE_MARKER.test(value))
    return "resembles an Authenticode signature block marker, which would split a signed script";
  return undefined;
}
