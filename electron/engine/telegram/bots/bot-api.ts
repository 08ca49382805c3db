import { Api, GrammyError, HttpError } from 'grammy';

/** grammY's client for one token, pointed at the environment's Bot API (the sandbox or Telegram). */
export function createBotApi(token: string, apiRoot: string | undefined): Api {
  return new Api(token, apiRoot === undefined ? undefined : { apiRoot });
}

/** What a failed Bot API call means for the code that made it. */
export type BotApiFailure =
  /** 401/404: the token is unknown or was revoked. */
  | { kind: 'unauthorized' }
  /** 409: another program polls this bot, or a webhook is set. */
  | { kind: 'conflict'; description: string }
  /** 429: wait the number of seconds Telegram named. */
  | { kind: 'flood'; retryAfterSeconds: number }
  /** The network or a 5xx: worth trying again later. */
  | { kind: 'transient'; reason: string }
  /** Any other refusal: trying again would get the same answer. */
  | { kind: 'rejected'; reason: string };

/**
 * Reads grammY's errors into reasons a person can read. The wrapped fetch error is never quoted:
 * its message holds the request URL, and the URL holds the token.
 */
export function classifyBotApiError(error: unknown): BotApiFailure {
  if (isForeignAnswer(error)) return { kind: 'transient', reason: FOREIGN_ANSWER };
  if (error instanceof GrammyError) {
    const code = error.error_code;
    const description = describe(error);
    if (code === 401 || code === 404) return { kind: 'unauthorized' };
    if (code === 409) return { kind: 'conflict', description };
    if (code === 429) return { kind: 'flood', retryAfterSeconds: Math.max(error.parameters.retry_after ?? 1, 1) };
    if (code >= 500) return { kind: 'transient', reason: `Telegram answered ${code} (${description})` };
    return { kind: 'rejected', reason: `Telegram refused the request: ${description}` };
  }
  if (error instanceof HttpError) {
    const code = (error.error as { code?: unknown } | null)?.code;
    return { kind: 'transient', reason: `Telegram could not be reached${typeof code === 'string' ? ` (${code})` : ''}` };
  }
  return { kind: 'transient', reason: 'The Bot API request failed unexpectedly' };
}

export const FOREIGN_ANSWER = 'The answer did not come from Telegram (a proxy or server in between answered with something that is not a Bot API answer)';

/**
 * Whether the answer was not the Bot API's: grammY makes a GrammyError of any JSON body that
 * lacks `ok` (so `error_code` and `description` are missing, e.g. a proxy's `{"message": ...}`),
 * and an HttpError of a body that is not JSON (an HTML page, nothing).
 */
export function isForeignAnswer(error: unknown): boolean {
  if (error instanceof GrammyError) return typeof (error.error_code as unknown) !== 'number';
  if (!(error instanceof HttpError)) return false;
  // grammY's Node build reads bodies with node-fetch (a FetchError of type 'invalid-json');
  // a standard fetch throws a SyntaxError, possibly of another realm, hence by name.
  const cause = error.error as { name?: unknown; type?: unknown } | null;
  return cause?.type === 'invalid-json' || cause?.name === 'SyntaxError';
}

/** A Telegram error's description; Telegram always sends one, but a server in between may not. */
export function describe(error: GrammyError): string {
  return typeof (error.description as unknown) === 'string' && error.description !== '' ? error.description : `error ${error.error_code}`;
}

/**
 * grammY's Node build types its signal parameter with the old `abort-controller` package; a
 * native AbortSignal is what it really takes at run time (it only calls addEventListener).
 */
export function grammySignal(signal: AbortSignal): NonNullable<Parameters<Api['getMe']>[0]> {
  return signal as unknown as NonNullable<Parameters<Api['getMe']>[0]>;
}
