// Products kbfix can find on a machine, and where their version is read.
// The ConfigMgr 2007 client is 32-bit: on 64-bit Windows its key is under
// WOW6432Node, so both views are read.

export const PRODUCT_IDS = ["configmgr-client"] as const;
export type ProductId = (typeof PRODUCT_IDS)[number];

export interface ProductLocation {
  title: string;
  /** Registry keys (HKLM) holding the version value, first found wins. */
  keys: string[];
  valueName: string;
}

export const PRODUCTS: Record<ProductId, ProductLocation> = {
  "configmgr-client": {
    title: "Configuration Manager client",
    keys: [
      "HKLM\\SOFTWARE\\Microsoft\\SMS\\Mobile Client",
      "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\SMS\\Mobile Client",
    ],
    valueName: "ProductVersion",
  },
};
