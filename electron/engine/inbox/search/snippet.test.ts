import { describe, expect, it } from 'vitest';
import { queryTokens, snippet } from './snippet';

describe('search snippets', () => {
  it('marks every word beginning with a query token, any case, Latin diacritics folded', () => {
    const tokens = queryTokens('заказ CAFE');
    expect(tokens).toEqual(['заказ', 'cafe']);
    expect(snippet('Где мой ЗАКАЗ из Café? Заказали вчера.', tokens)).toBe('Где мой \u0001ЗАКАЗ\u0002 из \u0001Café\u0002? \u0001Заказали\u0002 вчера.');
    expect(snippet('йогурт', queryTokens('иогурт'))).toBe('йогурт');
  });

  it('cuts a long text to a window around the first match, with … where it was cut', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    words[20] = 'order';
    const cut = snippet(words.join(' '), queryTokens('ord'), 8);
    expect(cut).toBe('…w18 w19 \u0001order\u0002 w21 w22 w23 w24 w25…');
    expect(snippet('order first, then many more words follow here', queryTokens('order'), 4)).toBe('\u0001order\u0002 first, then many…');
    expect(snippet('a b c d e f g h order', queryTokens('order'), 4)).toBe('…f g h \u0001order\u0002');
  });

  it('leaves text without words as it is', () => {
    expect(snippet('🙂 !!!', queryTokens('x'))).toBe('🙂 !!!');
  });
});
