// The renderer may only read files the user chose in this session (open dialog, "open with",
// drag from the recent list). A compromised renderer cannot ask main for ~/.ssh/id_rsa:
// it never had that path granted.

export class GrantedPaths {
  readonly #paths = new Set<string>();

  grant(paths: Iterable<string>): void {
    for (const p of paths) this.#paths.add(p);
  }

  has(path: string): boolean {
    return this.#paths.has(path);
  }
}
