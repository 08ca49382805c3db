/**
 * Telegram's length limits, in UTF-16 code units (what Telegram counts, and what a JS string's
 * length is). A caption is 1,024 for bots and for accounts without Premium (4,096 with it); the
 * desk does not know whether an account has Premium, so it keeps to 1,024 everywhere.
 */
export const MESSAGE_LIMITS = {
  text: 4096,
  caption: 1024,
  /** A longer text is better sent as a file than as a wall of messages. */
  parts: 10,
  labelName: 40,
  /** The desk's own limit for a private note (notes never go to Telegram). */
  note: 4000,
} as const;

/** The longest reply the desk takes at all: ten full messages. */
export const MAX_REPLY_LENGTH = MESSAGE_LIMITS.text * MESSAGE_LIMITS.parts;

const SENTENCE_END = /[.!?…;:]/;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Where to cut `text` so the first part holds at most `limit` units; the cut lands on whitespace when it can. */
function cutAt(text: string, limit: number): number {
  // A break in the second half keeps parts full; paragraph, then line, then sentence, then word.
  const floor = Math.floor(limit / 2);
  let line = -1;
  let sentence = -1;
  let word = -1;
  for (let i = limit; i > floor; i--) {
    const c = text[i]!;
    if (c === '\n' && (text[i - 1] === '\n' || text[i + 1] === '\n')) return i;
    if (c === '\n') line = Math.max(line, i);
    else if (/\s/.test(c)) {
      if (SENTENCE_END.test(text[i - 1]!)) sentence = Math.max(sentence, i);
      word = Math.max(word, i);
    }
  }
  for (const at of [line, sentence, word]) if (at > 0) return at;
  // Any space at all beats cutting a word (or a web address) in two.
  for (let i = floor; i > 0; i--) if (/\s/.test(text[i]!)) return i;
  // One long word: cut between characters as a person sees them, never inside a surrogate pair or an emoji.
  let last = 0;
  for (const { index } of graphemes.segment(text.slice(0, limit + 1))) {
    if (index > limit) break;
    last = index;
  }
  if (last > 0) return last;
  return text.codePointAt(0)! > 0xffff ? 2 : 1;
}

/**
 * A text in parts of at most `limit` each, cut as Telegram Desktop cuts a long message: at a
 * paragraph, a line, a sentence or a word, and only inside a word when there is no other way.
 * The whitespace at each cut is dropped (Telegram trims every message anyway).
 */
export function splitMessage(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const [part, after] = cutOnce(rest, limit);
    parts.push(part);
    rest = after;
  }
  if (rest !== '' || parts.length === 0) parts.push(rest);
  return parts;
}

function cutOnce(text: string, limit: number): [string, string] {
  const at = cutAt(text, limit);
  return [text.slice(0, at).trimEnd(), text.slice(at).trimStart()];
}

/**
 * How a reply leaves: its text in messages, or with a file, the first part as the file's caption
 * (empty when there is no text) and the rest as messages after it.
 */
export function replyParts(text: string, withFile: boolean): string[] {
  if (!withFile) return splitMessage(text, MESSAGE_LIMITS.text);
  const trimmed = text.trim();
  if (trimmed.length <= MESSAGE_LIMITS.caption) return [trimmed];
  const [caption, rest] = cutOnce(trimmed, MESSAGE_LIMITS.caption);
  return [caption, ...splitMessage(rest, MESSAGE_LIMITS.text)];
}
