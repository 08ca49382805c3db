/**
 * Turns what a person typed into an FTS5 query that cannot be a syntax error: every word
 * becomes a quoted prefix term (quotes doubled inside), so FTS5's operators (AND, OR, NOT,
 * NEAR, column filters, parentheses, `*`, `^`) typed by the user are searched for as text.
 * Words without a letter or digit would be empty phrases and are dropped. Null: nothing to search.
 */
export function ftsQuery(text: string): string | null {
  const terms = text
    .split(/\s+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map((word) => `"${word.replaceAll('"', '""')}"*`);
  return terms.length > 0 ? terms.join(' ') : null;
}
