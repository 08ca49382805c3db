/** Every area of the mission, in sidebar order; Alt+1..Alt+9 then Alt+0 follow this order. */
export const AREAS = [
  'inbox',
  'contacts',
  'campaigns',
  'invites',
  'rewards',
  'team',
  'statistics',
  'accounts',
  'logs',
  'settings',
] as const;

/**
 * Areas shown only while the sandbox workspace runs: after Settings, with no Alt+digit (the
 * ten digits belong to the mission's areas), still reachable by the sidebar's arrow keys.
 */
export const SANDBOX_AREAS = ['sandbox'] as const;

export type AreaId = (typeof AREAS)[number] | (typeof SANDBOX_AREAS)[number];

export const DEFAULT_AREA: AreaId = 'inbox';

export function isAreaId(value: string): value is AreaId {
  return ([...AREAS, ...SANDBOX_AREAS] as readonly string[]).includes(value);
}

/** The digit that jumps to an area: 1..9, then 0 for the tenth. */
export function areaDigit(index: number): string {
  return String((index + 1) % 10);
}

export function areaForDigit(digit: string): AreaId | undefined {
  const n = Number(digit);
  if (!Number.isInteger(n) || digit.length !== 1) return undefined;
  return AREAS[n === 0 ? 9 : n - 1];
}

export function areaFromHash(hash: string): AreaId | undefined {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isAreaId(id) ? id : undefined;
}

export function hashForArea(area: AreaId): string {
  return `#/${area}`;
}
