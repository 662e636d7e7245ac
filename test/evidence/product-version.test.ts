import { runProbeTable } from "./probe-table.js";

runProbeTable([
  {
    name: "product-version: SP2 client below the hotfix",
    yaml: "- id: p1\n  kind: product-version\n  product: configmgr-client\n  atLeast: 4.00.6487\n  below: 4.00.6487.2111",
    expect: [],
  },
  {
    name: "product-version: unknown product",
    yaml: "- id: p1\n  kind: product-version\n  product: sccm\n  below: '1.0'",
    expect: [["bad-value", 2, 12]],
  },
]);
