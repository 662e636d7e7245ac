// A playbook that exercises what a real KB needs of services (docs/kb-facts.md): a
// method's service with running dependents, one restarted behind our back, services started at
// the end whatever their state (KB971058's last step), Automatic (Delayed Start), and
// not-disabled from the table of shipped start types. Compiled through the real front and back
// end, for both targets; the pwsh and wine tiers run the same playbook.
import { compileFixture, fixtureMethod, fixturePlaybook } from "../../support/fixture-playbook.js";

export const SERVICES_ID = "kb100003";

const playbook = fixturePlaybook({
  id: SERVICES_ID,
  title: "Services as KB articles need them",
  summary: "Stop with dependents, restart races, start at the end, start types.",
  methods: [
    fixtureMethod(
      "m-stop",
      1,
      "Work with Windows Update stopped",
      [
        {
          id: "s-work",
          kind: "registry-value",
          key: "HKLM\\Software\\KbfixTest",
          name: "Worked",
          type: "dword",
          data: 1,
        },
      ],
      { services: ["wuauserv"], startAtEnd: ["AppIDSvc"] },
    ),
    fixtureMethod("m-types", 2, "Start types", [
      { id: "s-delayed", kind: "service", name: "wuauserv", startType: "automatic-delayed" },
      { id: "s-crypt", kind: "service", name: "CryptSvc", startType: "not-disabled" },
      { id: "s-bits", kind: "service", name: "BITS", startType: "not-disabled" },
    ]),
    fixtureMethod("m-bits", 3, "Stop BITS", [
      { id: "s-bits-stopped", kind: "service", name: "BITS", state: "stopped" },
    ]),
  ],
});

/** Compiles the playbook; returns the folder holding <id>/<id>.ps1 and <id>/<id>.fix.cmd. */
export function compileServicesPlaybook(): string {
  return compileFixture(playbook);
}
