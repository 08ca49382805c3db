import type { MtprotoTransport } from './mtproto/transport';

/**
 * Which Telegram the engine talks to: the real one, or the sandbox of the sandbox workspace.
 * Accounts and bots are written once against this; only the environment differs.
 */
export interface TelegramEnvironment {
  kind: 'sandbox' | 'telegram';
  /** A connection for an account: a new one for sign-in (`session` null) or a stored session. */
  mtproto(input: { apiId: number; apiHash: string; session: string | null }): MtprotoTransport;
  /** grammY's `client.apiRoot`; undefined means Telegram's own Bot API. */
  botApiRoot: string | undefined;
  /** The sandbox accepts any api_id/api_hash; real Telegram needs the operator's. */
  needsApiCredentials: boolean;
}
