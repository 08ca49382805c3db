import { DeskError } from '../../../shared/contract/result';
import type { Clock } from '../platform/clock';
import { classifyBotApiError, createBotApi } from '../telegram/bots/bot-api';

export interface CheckedBot {
  telegramBotId: number;
  username: string;
  firstName: string;
}

/** Asks Telegram who the token belongs to; every refusal becomes a message a person can act on. */
export async function checkBotToken(token: string, apiRoot: string | undefined, clock: Clock): Promise<CheckedBot> {
  try {
    const me = await createBotApi(token, apiRoot).getMe();
    return { telegramBotId: me.id, username: me.username, firstName: me.first_name };
  } catch (error) {
    const failure = classifyBotApiError(error);
    switch (failure.kind) {
      case 'unauthorized':
        throw new DeskError('bot_token_invalid', 'Telegram does not know this bot token. Copy it again from @BotFather (/mybots → API Token); it may have been revoked.');
      case 'flood': {
        const until = clock.now() + failure.retryAfterSeconds * 1000;
        throw new DeskError('flood_wait', `Telegram asks to wait ${failure.retryAfterSeconds} s before checking the token again.`, { until });
      }
      case 'conflict':
      case 'rejected':
        throw new DeskError('bot_token_invalid', `Telegram refused the token check: ${failure.kind === 'conflict' ? failure.description : failure.reason}.`);
      case 'transient':
        throw new DeskError('unavailable', `The token could not be checked: ${failure.reason}. Nothing was saved; try again.`);
    }
  }
}
