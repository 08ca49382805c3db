import { shellEn } from '../app/i18n/en';
import { shellRu } from '../app/i18n/ru';
import { accountsEn } from '../pages/accounts/i18n/en';
import { accountsRu } from '../pages/accounts/i18n/ru';
import { botFlowsEn } from '../pages/accounts/bot-flows/i18n/en';
import { botFlowsRu } from '../pages/accounts/bot-flows/i18n/ru';
import { inboxEn } from '../pages/inbox/i18n/en';
import { inboxRu } from '../pages/inbox/i18n/ru';
import { logsEn } from '../pages/logs/i18n/en';
import { logsRu } from '../pages/logs/i18n/ru';
import { sandboxEn } from '../pages/sandbox/i18n/en';
import { sandboxRu } from '../pages/sandbox/i18n/ru';
import { settingsEn } from '../pages/settings/i18n/en';
import { settingsRu } from '../pages/settings/i18n/ru';
import { teamEn } from '../pages/team/i18n/en';
import { teamRu } from '../pages/team/i18n/ru';
import { uiEn } from '../ui/i18n/en';
import { uiRu } from '../ui/i18n/ru';

/**
 * Every domain's texts, English and Russian side by side in the domain's own `i18n/` folder.
 * A new domain adds one line here; its top-level keys (`inbox`, `limits`, ...) are its own.
 */
export const I18N_DOMAINS = {
  shell: { en: shellEn, ru: shellRu },
  ui: { en: uiEn, ru: uiRu },
  inbox: { en: inboxEn, ru: inboxRu },
  accounts: { en: accountsEn, ru: accountsRu },
  botFlows: { en: botFlowsEn, ru: botFlowsRu },
  logs: { en: logsEn, ru: logsRu },
  sandbox: { en: sandboxEn, ru: sandboxRu },
  settings: { en: settingsEn, ru: settingsRu },
  team: { en: teamEn, ru: teamRu },
} as const;

type Domains = typeof I18N_DOMAINS;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** All English texts: what `t()` keys are checked against. */
export type EnglishMessages = Intersection<Domains[keyof Domains]['en']>;

const merged = (language: 'en' | 'ru') => Object.assign({}, ...Object.values(I18N_DOMAINS).map((domain) => domain[language])) as Record<string, unknown>;

export const en = merged('en') as EnglishMessages;
export const ru = merged('ru');
