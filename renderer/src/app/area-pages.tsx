import type { ComponentType } from 'react';
import { AccountsPage } from '../pages/accounts/AccountsPage';
import { InboxPage } from '../pages/inbox/InboxPage';
import { LogsPage } from '../pages/logs/LogsPage';
import { SandboxPage } from '../pages/sandbox/SandboxPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { TeamPage } from '../pages/team/TeamPage';
import type { AreaId } from './areas';

/** The page of every area built so far; a new domain's page is one line here. */
export const AREA_PAGES = {
  inbox: InboxPage,
  team: TeamPage,
  accounts: AccountsPage,
  logs: LogsPage,
  settings: SettingsPage,
  sandbox: SandboxPage,
} as const satisfies Partial<Record<AreaId, ComponentType>>;

/** Areas whose page exists in this build; the rest show what they will do. */
export type BuiltArea = keyof typeof AREA_PAGES;
export type PlannedArea = Exclude<AreaId, BuiltArea>;

export function isBuiltArea(area: AreaId): area is BuiltArea {
  return area in AREA_PAGES;
}
