// The start type Windows ships for the services KB articles touch, per NT version: what a
// service step's startType not-disabled restores. The facts and their sources are in
// docs/kb-facts.md#service-default-start-types; a service or NT version missing here is not
// guessed (the compiler refuses the service, the script refuses the NT version).

export type DefaultStartType = "automatic" | "automatic-delayed" | "manual";

export interface ServiceDefault {
  /** NT version, major.minor (6.1, 10.0). */
  nt: string;
  startType: DefaultStartType;
}

/** Keys are service names in lowercase; Windows matches service names without regard to case. */
const DEFAULTS: Readonly<Record<string, readonly ServiceDefault[]>> = {
  wuauserv: [
    { nt: "6.1", startType: "automatic-delayed" },
    { nt: "10.0", startType: "manual" },
  ],
  bits: [
    { nt: "6.1", startType: "manual" },
    { nt: "10.0", startType: "manual" },
  ],
  cryptsvc: [{ nt: "10.0", startType: "automatic" }],
  msiserver: [
    { nt: "6.1", startType: "manual" },
    { nt: "10.0", startType: "manual" },
  ],
  trustedinstaller: [{ nt: "10.0", startType: "manual" }],
  appidsvc: [{ nt: "10.0", startType: "manual" }],
};

/** The rows for a service, or undefined when the table does not know it. */
export function serviceDefaults(name: string): readonly ServiceDefault[] | undefined {
  return DEFAULTS[name.toLowerCase()];
}

export function knownDefaultServices(): string[] {
  return Object.keys(DEFAULTS);
}
