import { describe, expect, it } from 'vitest';
import { MESSAGE_LIMITS, replyParts, splitMessage } from './message-text';

const words = (count: number, word = 'word') => Array.from({ length: count }, () => word).join(' ');

describe('splitMessage', () => {
  it('keeps a text that fits as it is', () => {
    expect(splitMessage('hello', 10)).toEqual(['hello']);
  });

  it('cuts at the last paragraph break that keeps the part full enough', () => {
    const first = `${words(5)}.`;
    const second = words(3);
    expect(splitMessage(`${first}\n\n${second}`, first.length + 4)).toEqual([first, second]);
  });

  it('prefers a sentence end over a later space, and a space over a hard cut', () => {
    expect(splitMessage('Aaaa bbbb. Cccc dd eeee', 14)).toEqual(['Aaaa bbbb.', 'Cccc dd eeee']);
    expect(splitMessage('aaaaaa bbbbbbbbbbbbbb', 10)).toEqual(['aaaaaa', 'bbbbbbbbbb', 'bbbb']);
  });

  it('never cuts inside a surrogate pair or an emoji, even with no space to cut at', () => {
    const text = '😀'.repeat(5); // ten UTF-16 units
    const parts = splitMessage(text, 3);
    expect(parts.join('')).toBe(text);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(3);
      expect(part).toMatch(/^(😀)+$/u);
    }
  });

  it('keeps a web address whole when there is a space to cut at before it', () => {
    const url = 'https://example.com/a/very/long/path';
    expect(splitMessage(`see ${url}`, url.length + 2)).toEqual(['see', url]);
  });

  it('loses no words: the parts, joined, are the text', () => {
    const text = Array.from({ length: 500 }, (_, i) => `Sentence ${i} has several words in it.${i % 7 === 0 ? '\n\n' : ' '}`).join('');
    const parts = splitMessage(text, MESSAGE_LIMITS.text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMITS.text);
    expect(parts.join(' ').split(/\s+/)).toEqual(text.trim().split(/\s+/));
  });
});

describe('replyParts', () => {
  it('sends a long text as several messages of at most 4096 characters', () => {
    const parts = replyParts(words(2000), false);
    expect(parts).toHaveLength(3);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
  });

  it('puts what fits in a caption (1024) on the file and sends the rest as messages after it', () => {
    const parts = replyParts(words(400), true);
    expect(parts[0]!.length).toBeLessThanOrEqual(1024);
    expect(parts).toHaveLength(2);
    expect(parts[1]!.length).toBeLessThanOrEqual(4096);
  });
});
