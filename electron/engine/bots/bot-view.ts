import type { BotView, ConnectionState } from '../../../shared/domain/connections';
import type { HealthEntry } from '../telegram/connection-service';
import type { BotRecord } from './store/bot-repo';

/** What the window sees of a bot: never the token, encrypted or not. */
export function botView(bot: BotRecord, state: ConnectionState, server: Pick<BotView, 'apiServer' | 'fileLimits' | 'webhook'>): BotView {
  return {
    id: bot.id,
    username: bot.username,
    firstName: bot.firstName,
    telegramBotId: bot.telegramBotId,
    mode: bot.mode,
    enabled: bot.enabled,
    state,
    createdAt: bot.createdAt,
    ...server,
  };
}

export function botHealth(bot: BotRecord, state: ConnectionState): HealthEntry {
  return { kind: 'bot', id: bot.id, name: `@${bot.username}`, state };
}
