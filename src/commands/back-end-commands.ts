// compile and sign, registered separately so validate/list/explain start without
// loading the back end (Handlebars, templates).
import type { Argv } from "yargs";

export function registerBackEndCommands(cli: Argv, setExit: (code: number) => void): void {
  void cli;
  void setExit;
}
