import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Formats epoch milliseconds in the local time zone, in the UI's current language. */
export function useDateTimeFormat(): (at: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    return (at: number) => format.format(at);
  }, [language]);
}

/** Time of day only (hours, minutes, seconds), for live feeds whose items are all recent. */
export function useTimeFormat(): (at: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    return (at: number) => format.format(at);
  }, [language]);
}
