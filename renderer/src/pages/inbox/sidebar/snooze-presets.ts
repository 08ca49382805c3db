const HOUR = 60 * 60 * 1000;

export type SnoozePreset = 'hour' | 'threeHours' | 'tomorrow' | 'nextWeek';
export const SNOOZE_PRESETS: readonly SnoozePreset[] = ['hour', 'threeHours', 'tomorrow', 'nextWeek'];

/** When a preset ends, in local time: "tomorrow" and "next week" mean 9:00 on that morning. */
export function snoozeUntil(preset: SnoozePreset, now = Date.now()): number {
  if (preset === 'hour') return now + HOUR;
  if (preset === 'threeHours') return now + 3 * HOUR;
  const d = new Date(now);
  d.setHours(9, 0, 0, 0);
  if (preset === 'tomorrow') d.setDate(d.getDate() + 1);
  else d.setDate(d.getDate() + (((8 - d.getDay()) % 7) || 7));
  return d.getTime();
}
