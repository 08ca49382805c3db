import type { BotFileLimits } from '../../../../shared/domain/bot-endpoints';

/** The Bot API server one bot talks to, and what it lets the bot send and fetch. */
export interface BotServer {
  /** grammY's apiRoot; undefined means api.telegram.org. */
  apiRoot: string | undefined;
  limits: BotFileLimits;
}
