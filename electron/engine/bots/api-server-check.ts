import { DeskError } from '../../../shared/contract/result';
import { classifyBotApiError, createBotApi, grammySignal, type BotApiFailure } from '../telegram/bots/bot-api';

const PROBE_TIMEOUT_MS = 10_000;

/**
 * Proves a Bot API server works before it is used: getMe with the bot's token through it, so a
 * wrong address, a server that is down, or one that does not know the bot is refused at once.
 */
export async function checkApiServerWithBot(apiServer: string, token: string, username: string): Promise<void> {
  try {
    const me = await createBotApi(token, apiServer).getMe(grammySignal(AbortSignal.timeout(PROBE_TIMEOUT_MS)));
    if (me.username !== username) throw new DeskError('invalid_input', `apiServer: ${apiServer} answers for @${me.username}, not @${username}.`);
  } catch (error) {
    if (error instanceof DeskError) throw error;
    const failure = classifyBotApiError(error);
    throw new DeskError(
      'invalid_input',
      failure.kind === 'unauthorized'
        ? `apiServer: ${apiServer} does not accept @${username}'s token (getMe answered 401). Nothing was changed.`
        : `apiServer: getMe for @${username} through ${apiServer} failed (${reasonOf(failure)}). Nothing was changed.`,
    );
  }
}

function reasonOf(failure: BotApiFailure): string {
  switch (failure.kind) {
    case 'unauthorized':
      return 'the token was refused';
    case 'conflict':
      return failure.description;
    case 'flood':
      return `the server asks to wait ${failure.retryAfterSeconds} s`;
    default:
      return failure.reason;
  }
}

/**
 * With no bot to ask getMe for, proves at least that a Bot API server answers there: any Bot
 * API server answers a made-up token with a JSON refusal ({"ok":false,...}).
 */
export async function checkApiServerAnswers(apiServer: string): Promise<void> {
  const refusal = await fetch(`${apiServer}/bot0:reachability-check/getMe`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })
    .then((response) => response.json() as Promise<{ ok?: unknown }>)
    .catch(() => null);
  if (typeof refusal?.ok !== 'boolean') {
    throw new DeskError('invalid_input', `apiServer: nothing at ${apiServer} answers like a Bot API server. Check the address and that the server runs. Nothing was changed.`);
  }
}
