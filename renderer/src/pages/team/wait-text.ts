import type { TFunction } from 'i18next';

/** "under a minute", "4 min", "2 h", "3 days": how long something has waited, to the unit that matters. */
export function waitText(t: TFunction, since: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - since) / 60_000);
  if (minutes < 1) return t('queue.wait.underMinute');
  if (minutes < 90) return t('queue.wait.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('queue.wait.hours', { count: hours });
  return t('queue.wait.days', { count: Math.floor(hours / 24) });
}
