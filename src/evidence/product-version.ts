// A product installed in a version below a fixed one (ConfigMgr 2007 client
// before the hotfix), compared as versions.
import { described, ref, stringEnum } from "../model/json-schema.js";
import { PRODUCT_IDS, type ProductId } from "../model/products.js";
import { cmdCall, cmdSet } from "../model/cmd-call.js";
import { psCall } from "../model/ps-call.js";
import { defineEvidenceKind, type PlanProbeBase } from "./evidence-kind.js";

export interface ProductVersionProbe extends PlanProbeBase {
  kind: "product-version";
  product: ProductId;
  atLeast?: string;
  below: string;
}

export const productVersion = defineEvidenceKind<ProductVersionProbe>()({
  kind: "product-version",
  title: "Product version below",
  readme: { covers: "installed in a version range" },
  description: "Present when the product is installed with a version in [atLeast, below).",
  targets: { cmd: true },
  history: false,
  properties: {
    product: described("Product", "A product kbfix knows how to find.", stringEnum(PRODUCT_IDS)),
    atLeast: described("From version", "Lowest version that counts (inclusive).", ref("version")),
    below: described("Below version", "Versions lower than this are evidence.", ref("version")),
  },
  required: ["product", "below"],
  cmdFields: {},
  ps1: psCall(
    "Test-KbProductVersionProbe",
    ["Product", "product", "string"],
    ["AtLeast", "atLeast", "stringOrNull"],
    ["Below", "below", "string"],
  ),
  cmd: cmdCall(
    { shape: "product", field: "product" },
    cmdSet("KB_E_PRODUCT", "product", "text"),
    cmdSet("KB_E_ATLEAST", "atLeast", "versionKey"),
    cmdSet("KB_E_BELOW", "below", "versionKey"),
    { call: "kb_probe_product" },
  ),
  lower: (raw) => ({
    kind: "product-version",
    product: raw.product,
    atLeast: raw.atLeast,
    below: raw.below,
  }),
  describe: (p) =>
    `${p.product} version is ${p.atLeast ? `at least ${p.atLeast} and ` : ""}below ${p.below}`,
});
