import { useTranslation } from 'react-i18next';
import { useNow } from './use-now';

export interface Estimate {
  /** Items per minute so far; null until there is enough to tell. */
  perMinute: number | null;
  /** Seconds until the rest is done at that rate; null while unknown, 0 when finished. */
  secondsLeft: number | null;
}

/** How fast long work goes and when it ends, from what is done since it began. */
export function estimate(done: number, total: number, startedAt: number, now: number): Estimate {
  if (done >= total) return { perMinute: null, secondsLeft: 0 };
  const minutes = (now - startedAt) / 60_000;
  // A rate from the first second or the first item would swing wildly.
  if (done <= 0 || minutes < 1 / 60) return { perMinute: null, secondsLeft: null };
  const perMinute = done / minutes;
  return { perMinute, secondsLeft: ((total - done) / perMinute) * 60 };
}

interface Props {
  done: number;
  total: number;
  /** When the work began (ms), for the rate and the time left. */
  startedAt: number;
  /** What is in progress ("Sending the campaign"). */
  label: string;
  testId?: string;
}

/** Long work: how much is done, how fast, and about how long is left. */
export function ProgressBar({ done, total, startedAt, label, testId }: Props) {
  const { t, i18n } = useTranslation();
  const finished = done >= total;
  const now = useNow(!finished);
  const { perMinute, secondsLeft } = estimate(done, total, startedAt, now);
  const number = new Intl.NumberFormat(i18n.language);
  // A rate of 133.8 per minute reads as 134; below ten the tenth still matters.
  const rate = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: perMinute !== null && perMinute < 10 ? 1 : 0 });
  const share = total > 0 ? Math.min(1, done / total) : 0;

  let left: string;
  if (finished) left = t('ui.progress.finished');
  else if (secondsLeft === null) left = t('ui.progress.estimating');
  else if (secondsLeft < 60) left = t('ui.progress.lessThanMinute');
  else if (secondsLeft < 120 * 60) left = t('ui.progress.minutesLeft', { count: Math.round(secondsLeft / 60) });
  else left = t('ui.progress.hoursLeft', { count: Math.round(secondsLeft / 3600) });

  return (
    <div className="ui-progress" data-testid={testId}>
      <div className="ui-progress-label">
        <span>{label}</span>
        <span>{t('ui.progress.counts', { done: number.format(done), total: number.format(total) })}</span>
      </div>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-valuetext={`${t('ui.progress.counts', { done: number.format(done), total: number.format(total) })}. ${left}`} className="ui-progress-track">
        <div className="ui-progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
      <div className="ui-progress-eta">
        {perMinute !== null && <span>{t('ui.progress.rate', { rate: rate.format(perMinute) })}</span>}
        <span data-testid={testId ? `${testId}-eta` : undefined}>{left}</span>
      </div>
    </div>
  );
}
