/**
 * A metric's label children, bound once per combination of label values and found again through
 * nested maps: recording costs two or three map lookups, with no key string built per call
 * (prom-client's `inc(labels)` hashes the labels object every time).
 */
export class BoundChildren<C> {
  private readonly rows = new Map<string, Map<string, C>>();

  constructor(private readonly bind: (first: string, second: string) => C) {}

  get(first: string, second: string): C {
    let row = this.rows.get(first);
    if (!row) this.rows.set(first, (row = new Map()));
    let child = row.get(second);
    if (!child) row.set(second, (child = this.bind(first, second)));
    return child;
  }
}

/** BoundChildren for three labels. */
export class BoundChildren3<C> {
  private readonly tables = new Map<string, BoundChildren<C>>();

  constructor(private readonly bind: (first: string, second: string, third: string) => C) {}

  get(first: string, second: string, third: string): C {
    let table = this.tables.get(first);
    if (!table) this.tables.set(first, (table = new BoundChildren((b, c) => this.bind(first, b, c))));
    return table.get(second, third);
  }
}
