// The files a walk has read, by real folder and name, so none is read twice however many
// names lead to it. Kept as folder -> names: the names are the strings the folder listing
// already made (and the runs keep as their source), so a file costs a set entry, not a path.
import { basename, dirname } from "node:path";

export class SeenFiles {
  private readonly byFolder = new Map<string, Set<string>>();

  /** True the first time a file is met, false after. */
  firstVisit(realFolder: string, name: string): boolean {
    let names = this.byFolder.get(realFolder);
    if (!names) this.byFolder.set(realFolder, (names = new Set()));
    if (names.has(name)) return false;
    names.add(name);
    return true;
  }

  firstVisitOfPath(realPath: string): boolean {
    return this.firstVisit(dirname(realPath), basename(realPath));
  }
}
