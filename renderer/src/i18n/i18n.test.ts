import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ru } from './ru';
import { browserLanguage, createI18n } from './index';

function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

describe('i18n resources', () => {
  const enLeaves = leaves(en);
  const ruLeaves = leaves(ru);

  it('has exactly the same keys in English and Russian', () => {
    expect([...ruLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    expect(enLeaves.size).toBeGreaterThan(50);
  });

  it('has no empty or non-string values', () => {
    for (const [key, value] of [...enLeaves, ...ruLeaves]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('keeps the same interpolation placeholders in both languages', () => {
    const placeholders = (s: unknown) => [...String(s).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [key, value] of enLeaves) {
      expect(placeholders(ruLeaves.get(key)), key).toEqual(placeholders(value));
    }
  });

  it('translates the navigation into Russian', () => {
    const i18n = createI18n('ru');
    expect(i18n.t('nav.areas.logs')).toBe('Журнал');
    expect(i18n.t('connection.reconnecting', { attempt: 3 })).toBe('Переподключение (попытка 3)');
  });

  it('picks Russian only for Russian browsers', () => {
    expect(browserLanguage({ language: 'ru-RU' })).toBe('ru');
    expect(browserLanguage({ language: 'en-GB' })).toBe('en');
    expect(browserLanguage({ language: 'uk-UA' })).toBe('en');
  });
});
