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

/**
 * A moment soon to come (the end of a flood wait): the time of day, with the date only when
 * it is not today, since Telegram's waits can last past midnight.
 */
export function useUntilFormat(): (at: number, withSeconds?: boolean) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
    const timeWithSeconds = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const dated = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    return (at: number, withSeconds = false) => {
      if (new Date(at).toDateString() !== new Date().toDateString()) return dated.format(at);
      return (withSeconds ? timeWithSeconds : time).format(at);
    };
  }, [language]);
}
