import type { TFunction } from 'i18next';

const NAMED = ['inbox', 'rewards', 'team-tasks'] as const;

/** A role's name in the window's language; a role added later without one shows as the engine names it. */
export function roleName(t: TFunction, role: string): string {
  return (NAMED as readonly string[]).includes(role) ? t(`botFlows.roleNames.${role as (typeof NAMED)[number]}`) : role;
}
