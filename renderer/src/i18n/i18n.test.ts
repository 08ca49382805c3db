import { describe, expect, it } from 'vitest';
import { en, I18N_DOMAINS, ru } from './domains';
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

  // Russian has two plural forms English lacks; every other key is in both.
  const withoutPlurals = (keys: Iterable<string>) => [...new Set([...keys].map((k) => k.replace(/_(one|few|many|other)$/, '')))].sort();

  it('has exactly the same keys in English and Russian', () => {
    expect(withoutPlurals(ruLeaves.keys())).toEqual(withoutPlurals(enLeaves.keys()));
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
      const base = key.replace(/_(one|other)$/, '');
      for (const ruKey of [key, `${base}_few`, `${base}_many`].filter((k) => ruLeaves.has(k))) expect(placeholders(ruLeaves.get(ruKey)), ruKey).toEqual(placeholders(value));
    }
  });

  it('words every count with plural forms: one and other in English, one, few, many and other in Russian', () => {
    const forms = { en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] } as const;
    for (const [language, all] of [['en', enLeaves], ['ru', ruLeaves]] as const) {
      const counted = [...all].filter(([, value]) => String(value).includes('{{count}}')).map(([key]) => key);
      expect(counted.length, language).toBeGreaterThan(5);
      for (const key of counted) {
        const base = key.replace(/_(one|few|many|other)$/, '');
        expect(key, `${language}: ${key} shows a count without plural forms`).not.toBe(base);
        for (const form of forms[language]) expect(all.has(`${base}_${form}`), `${language}: ${base}_${form}`).toBe(true);
      }
    }
  });

  it('picks the Russian form the count asks for', () => {
    const ru = createI18n('ru');
    expect([1, 3, 5, 21, 1.5].map((count) => ru.t('inbox.list.unread', { count }))).toEqual([
      '1 непрочитанное сообщение',
      '3 непрочитанных сообщения',
      '5 непрочитанных сообщений',
      '21 непрочитанное сообщение',
      '1.5 непрочитанного сообщения',
    ]);
    expect(createI18n('en').t('inbox.list.unread', { count: 1 })).toBe('1 unread message');
  });

  it('translates the log scopes and the bot modes operators see', () => {
    const ru = createI18n('ru');
    expect(ru.t('accounts.bots.modes.polling')).not.toMatch(/polling/i);
    expect(ru.t('logScopes.outbox')).toBe('Отправка');
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

describe.each(Object.entries(I18N_DOMAINS))('the %s domain\'s texts', (name, { en: domainEn, ru: domainRu }) => {
  const enLeaves = leaves(domainEn);
  const ruLeaves = leaves(domainRu);
  const base = (key: string) => key.replace(/_(one|few|many|other)$/, '');

  it('has exactly the same keys in English and Russian', () => {
    expect([...new Set([...ruLeaves.keys()].map(base))].sort()).toEqual([...new Set([...enLeaves.keys()].map(base))].sort());
  });

  it('words every count with plural forms: one and other in English, one, few, many and other in Russian', () => {
    const forms = { en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] } as const;
    for (const [language, all] of [['en', enLeaves], ['ru', ruLeaves]] as const) {
      for (const [key, value] of all) {
        if (!String(value).includes('{{count}}')) continue;
        expect(key, `${name} ${language}: ${key} shows a count without plural forms`).not.toBe(base(key));
        for (const form of forms[language]) expect(all.has(`${base(key)}_${form}`), `${name} ${language}: ${base(key)}_${form}`).toBe(true);
      }
    }
  });

  it('owns its top-level keys: no other domain declares them', () => {
    const others = Object.entries(I18N_DOMAINS).filter(([other]) => other !== name).flatMap(([, texts]) => Object.keys(texts.en));
    for (const key of Object.keys(domainEn)) expect(others, `${name}: "${key}" is declared twice`).not.toContain(key);
    expect(Object.keys(domainRu).sort()).toEqual(Object.keys(domainEn).sort());
  });
});
