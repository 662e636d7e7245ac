// Schema definitions shared by step kinds and evidence kinds ($defs).
import {
  arrayOf,
  closedObject,
  described,
  ref,
  stringEnum,
  type JsonSchema,
} from "../model/json-schema.js";

export const ID_PATTERN = "^[a-z0-9][a-z0-9-]{0,62}$";
export const VERSION_PATTERN = "^[0-9]{1,9}(\\.[0-9]{1,9}){0,3}$";
export const NT_VERSION_PATTERN = "^(5\\.[0-2]|6\\.[0-3]|10\\.0)(\\.[0-9]{1,5})?$";
export const REGISTRY_KEY_PATTERN = "^HKLM\\\\[^\\\\].*[^\\\\]$";

export const idSchema: JsonSchema = { type: "string", pattern: ID_PATTERN };

const pathSchema = described(
  "Path",
  "A Windows path starting at a named base: %windir%, %SystemRoot%, %ProgramData%, %ALLUSERSPROFILE%, %CommonAppData% (ProgramData, or the All Users Application Data folder on XP), %ProgramFiles%, %ProgramFiles(x86)%, %SystemDrive% (with a folder below it), %profile% (per-user steps) or a path parameter %Name%.",
  { type: "string", minLength: 1, maxLength: 1000 },
);

const ntRange = closedObject({
  min: described(
    "Lowest Windows version",
    "Lowest NT version, major.minor (every build) or major.minor.build, e.g. 5.1 for Windows XP, 10.0.22000 for Windows 11.",
    {
      type: "string",
      pattern: NT_VERSION_PATTERN,
    },
  ),
  max: described(
    "Highest Windows version",
    "Highest NT version, inclusive: major.minor (every build of it) or major.minor.build, e.g. 5.2 for Server 2003, 10.0.19045 for Windows 10 22H2.",
    {
      type: "string",
      pattern: NT_VERSION_PATTERN,
    },
  ),
});

const productRequirement = closedObject(
  {
    id: described(
      "Product",
      "A product kbfix knows how to find on a machine.",
      stringEnum(["configmgr-client"]),
    ),
    minVersion: described(
      "Lowest version",
      "Lowest product version that applies (compared as a version).",
      {
        type: "string",
        pattern: VERSION_PATTERN,
      },
    ),
    belowVersion: described("Below version", "Applies only to versions lower than this.", {
      type: "string",
      pattern: VERSION_PATTERN,
    }),
  },
  ["id"],
);

const applicability = closedObject({
  windows: described(
    "Windows versions",
    "The Windows range this applies to, by NT version and optionally build (docs/windows-versions.md).",
    ntRange,
  ),
  architecture: described(
    "Architectures",
    "Processor architectures this applies to; all when omitted.",
    arrayOf(stringEnum(["x86", "x64", "arm64"]), { minItems: 1, uniqueItems: true }),
  ),
  product: described(
    "Required product",
    "A product that must be installed for this to apply.",
    productRequirement,
  ),
  context: described(
    "Run context",
    "The account the script must run as: system (SYSTEM, e.g. GPO startup, ConfigMgr, Intune) or user.",
    stringEnum(["system", "user"]),
  ),
});

const guard = {
  oneOf: [
    closedObject(
      {
        evidence: described(
          "Evidence guard",
          "Run only while this evidence id (or 'detection' for the whole detection) finds the problem.",
          idSchema,
        ),
      },
      ["evidence"],
    ),
    closedObject(
      {
        creates: described(
          "Creates guard",
          "Skip the step when this path already exists.",
          pathSchema,
        ),
      },
      ["creates"],
    ),
    closedObject(
      {
        removes: described(
          "Removes guard",
          "Run the step only while this path exists.",
          pathSchema,
        ),
      },
      ["removes"],
    ),
  ],
};

const globSchema = described(
  "Pattern",
  "A file name pattern with * and ? wildcards (no folders), e.g. tmp*.cat.",
  { type: "string", minLength: 1, pattern: '^[^\\\\/:<>"|]+$' },
);

export const commonDefs = {
  path: pathSchema,
  glob: globSchema,
  version: { type: "string" as const, pattern: VERSION_PATTERN },
  applicability: described(
    "Applicability",
    "Where this applies: Windows versions, architecture, product, run context.",
    applicability,
  ),
  guard: described(
    "Guard",
    "What makes a one-shot step safe to repeat: exactly one of evidence, creates or removes.",
    guard,
  ),
  registryKey: described(
    "Registry key",
    "A key under HKLM, e.g. HKLM\\Software\\Microsoft\\Non-Driver Signing.",
    {
      type: "string",
      pattern: REGISTRY_KEY_PATTERN,
    },
  ),
  serviceName: described(
    "Service name",
    "The service's short name as sc.exe shows it, e.g. CryptSvc.",
    {
      type: "string",
      pattern: "^[A-Za-z0-9_.-]{1,80}$",
    },
  ),
} satisfies Record<string, JsonSchema>;

export { ref };
