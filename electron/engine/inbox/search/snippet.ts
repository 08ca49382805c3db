/** Word characters as FTS5's unicode61 tokenizer sees them. */
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Case and diacritics folded as the index folds them, so highlights match what matched:
 * unicode61 with remove_diacritics strips them from Latin letters only (é → e, but й stays й).
 */
function fold(token: string): string {
  return token.normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC').toLowerCase();
}

/** The word beginnings a query searches for (what `ftsQuery` turns each typed token into). */
export function queryTokens(query: string): string[] {
  return [...new Set(Array.from(query.matchAll(TOKEN), (m) => fold(m[0])))];
}

/**
 * A window of about `size` words around the first match, each word that begins with a query
 * token between \u0001 and \u0002, with … where text was cut: the same shape FTS5's
 * `snippet()` gives, made here for the one page of hits shown. Asking FTS5 for it read every
 * hit's word positions back from the index, a quarter of a common word's search time.
 */
export function snippet(text: string, tokens: readonly string[], size = 16): string {
  const words = Array.from(text.matchAll(TOKEN), (m) => ({ start: m.index, end: m.index + m[0].length, hit: tokens.some((t) => fold(m[0]).startsWith(t)) }));
  if (words.length === 0) return text;
  const first = Math.max(0, words.findIndex((w) => w.hit));
  const from = Math.max(0, Math.min(first - Math.floor(size / 4), words.length - size));
  const to = Math.min(words.length, from + size);
  let out = from === 0 ? text.slice(0, words[0]!.start) : '…';
  for (let i = from; i < to; i++) {
    const w = words[i]!;
    const word = text.slice(w.start, w.end);
    out += w.hit ? `\u0001${word}\u0002` : word;
    out += i + 1 < to ? text.slice(w.end, words[i + 1]!.start) : to === words.length ? text.slice(w.end) : '…';
  }
  return out;
}
