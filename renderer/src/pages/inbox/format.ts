import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The local calendar day of a moment, as a key that groups a chat's messages. */
export function dayKey(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

function startOfDay(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

function createFormatters(language: string) {
  // Bytes in full ("29 bytes", "29 байт"): the short form of this one unit is "29 byte" in English.
  const bytes = (unit: string) => new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: 1 });
  return {
    clock: new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }),
    weekday: new Intl.DateTimeFormat(language, { weekday: 'short' }),
    short: new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: '2-digit' }),
    long: new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' }),
    full: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
    units: [bytes('byte'), bytes('kilobyte'), bytes('megabyte'), bytes('gigabyte')],
  };
}

// Built once per language: rows mount by the dozen while a long list scrolls, and building
// Intl formatters for each would cost frames.
const formatters = new Map<string, ReturnType<typeof createFormatters>>();
function formattersFor(language: string) {
  let found = formatters.get(language);
  if (!found) {
    found = createFormatters(language);
    formatters.set(language, found);
  }
  return found;
}

/** Time and size formats of the inbox, in the window's language. */
export function useInboxFormats() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const f = formattersFor(language);
    return {
      /** Time of day, for bubbles. */
      clock: (at: number) => f.clock.format(at),
      /** Date and time, for notes, edits and snoozes. */
      full: (at: number) => f.full.format(at),
      /** As Telegram's list: the time today, the weekday this week, the date before. */
      listTime(at: number, now = Date.now()) {
        const today = startOfDay(now);
        if (at >= today) return f.clock.format(at);
        if (at >= today - 6 * DAY_MS) return f.weekday.format(at);
        return f.short.format(at);
      },
      /** The separator above a day's messages. */
      dayLabel(at: number, now = Date.now()) {
        const today = startOfDay(now);
        if (at >= today) return t('inbox.chat.today');
        if (at >= startOfDay(today - 1)) return t('inbox.chat.yesterday');
        return f.long.format(at);
      },
      size(size: number) {
        let value = size;
        let unit = 0;
        while (value >= 1024 && unit < f.units.length - 1) {
          value /= 1024;
          unit++;
        }
        return f.units[unit]!.format(value);
      },
    };
  }, [language, t]);
}

/** "0:42", "12:05": a media duration in seconds. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
