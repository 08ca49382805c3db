/** A LIKE pattern that matches `text` literally anywhere (used with `ESCAPE '\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Collects WHERE clauses and their parameters for the list queries of the repositories. */
export class Where {
  private readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(clause: string, ...params: unknown[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }

  /** Rows where any of `columns` contains `text` (ignored when blank). */
  containsAny(columns: readonly string[], text: string | undefined): this {
    const trimmed = text?.trim();
    if (!trimmed) return this;
    const pattern = containsPattern(trimmed);
    return this.add(`(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`, ...columns.map(() => pattern));
  }

  before(id: number | undefined, column = 'id'): this {
    return id ? this.add(`${column} < ?`, id) : this;
  }

  toString(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}
