import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Theme } from '../../../shared/domain/settings';
import { useStores } from '../stores/context';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function resolveTheme(theme: Theme, prefersDark: boolean): 'light' | 'dark' {
  if (theme === 'system') return prefersDark ? 'dark' : 'light';
  return theme;
}

/** Applies the engine's language and theme to the document; `system` follows the OS live. */
export function usePreferences(): void {
  const { i18n } = useTranslation();
  const { useSettingsStore } = useStores();
  const language = useSettingsStore((s) => s.value?.language);
  const theme = useSettingsStore((s) => s.value?.theme ?? 'system');

  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [i18n, language]);

  useEffect(() => {
    const apply = (lng: string) => {
      document.documentElement.lang = lng;
    };
    apply(i18n.language);
    i18n.on('languageChanged', apply);
    return () => i18n.off('languageChanged', apply);
  }, [i18n]);

  useEffect(() => {
    const query = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
    const apply = () => {
      document.documentElement.dataset.theme = resolveTheme(theme, query?.matches ?? false);
    };
    apply();
    if (theme !== 'system' || !query) return;
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);
}
