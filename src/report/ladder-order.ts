// The order of each playbook's methods, learned from the result files (their step records come
// in ladder order). One run may not mention every method; the orders seen are merged, a new
// method going right after the one it followed.

export class LadderOrder {
  private readonly ladders = new Map<string, string[]>();

  learn(playbookId: string, methods: readonly string[]): void {
    const known = this.ladders.get(playbookId) ?? [];
    let previous = -1;
    for (const method of methods) {
      const at = known.indexOf(method);
      if (at >= 0) {
        previous = at;
        continue;
      }
      known.splice(previous + 1, 0, method);
      previous++;
    }
    this.ladders.set(playbookId, known);
  }

  of(playbookId: string): readonly string[] {
    return this.ladders.get(playbookId) ?? [];
  }
}
