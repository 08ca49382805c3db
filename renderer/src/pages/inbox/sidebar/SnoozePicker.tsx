import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './snooze-picker.css';

const DAYS_AHEAD = 14;
const SLOT_MINUTES = 30;
const DEFAULT_MINUTES = 9 * 60;

/** Midnight of the day `offset` days after `now`'s, in local time. */
function dayStart(now: number, offset: number): Date {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + offset);
  return d;
}

function at(now: number, dayOffset: number, minutes: number): number {
  const d = dayStart(now, dayOffset);
  d.setHours(Math.floor(minutes / 60), minutes % 60);
  return d.getTime();
}

/**
 * A day and a time to snooze until, worded in the window's language: the browser's own date
 * and time field follows the browser's locale, whatever language the desk speaks.
 */
export function SnoozePicker({ onPick }: { onPick: (until: number) => void }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  // Fixed when the picker opens, so the lists do not shift under the pointer.
  const [now] = useState(() => Date.now());
  const [day, setDay] = useState(1);
  const [minutes, setMinutes] = useState(DEFAULT_MINUTES);

  const { dayLabel, timeLabel } = useMemo(() => {
    const dayFormat = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'short' });
    const timeFormat = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
    return {
      dayLabel: (offset: number) => (offset === 0 ? t('snooze.today') : offset === 1 ? t('snooze.tomorrow') : dayFormat.format(dayStart(now, offset))),
      timeLabel: (m: number) => timeFormat.format(at(now, 0, m)),
    };
  }, [i18n.language, now, t]);

  const slots = Array.from({ length: (24 * 60) / SLOT_MINUTES }, (_, i) => i * SLOT_MINUTES).filter((m) => at(now, day, m) > now);
  const chosen = slots.includes(minutes) ? minutes : (slots[0] ?? DEFAULT_MINUTES);

  return (
    <div className="snooze-picker">
      <label htmlFor={`${ids}-day`}>{t('inbox.sidebar.snoozeCustom')}</label>
      <select id={`${ids}-day`} data-testid="snooze-day" aria-label={t('snooze.day')} value={day} onChange={(e) => setDay(Number(e.target.value))}>
        {Array.from({ length: DAYS_AHEAD }, (_, offset) => offset)
          // Late at night today has no slot left.
          .filter((offset) => offset > 0 || at(now, 0, 24 * 60 - SLOT_MINUTES) > now)
          .map((offset) => (
            <option key={offset} value={offset}>
              {dayLabel(offset)}
            </option>
          ))}
      </select>
      <select data-testid="snooze-time" aria-label={t('snooze.time')} value={chosen} onChange={(e) => setMinutes(Number(e.target.value))}>
        {slots.map((m) => (
          <option key={m} value={m}>
            {timeLabel(m)}
          </option>
        ))}
      </select>
      <button type="button" className="button button-small" data-testid="snooze-apply" disabled={slots.length === 0} onClick={() => onPick(at(now, day, chosen))}>
        {t('inbox.sidebar.snoozeApply')}
      </button>
    </div>
  );
}
