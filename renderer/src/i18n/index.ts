import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/domain/settings';
import { en, ru } from './domains';

export const resources = { en: { translation: en }, ru: { translation: ru } } as const;

/** Until the engine's settings arrive, follow the browser: Russian if it asks for it. */
export function browserLanguage(nav: Pick<Navigator, 'language'> | undefined = globalThis.navigator): Language {
  return nav?.language?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** A fresh instance per window (and per test), never the global singleton. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    // Resources are bundled, so initialise synchronously and render translated at once.
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
