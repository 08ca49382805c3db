import type { Api } from 'telegram';

/**
 * The narrow port between account logic and Telegram: requests in as GramJS `Api.*` objects,
 * results out as GramJS `Api.*` objects, errors as GramJS's `RPCError` subclasses, and a
 * stream of updates. In production it wraps GramJS's TelegramClient; in tests, benchmarks
 * and the sandbox workspace the Telegram sandbox implements it.
 */
export interface MtprotoTransport {
  connect(): Promise<void>;
  /** Drops the connection; updates that arrive meanwhile are lost (recover with getDifference). */
  disconnect(): Promise<void>;
  readonly connected: boolean;
  invoke<R extends Api.AnyRequest>(request: R): Promise<R['__response']>;
  onUpdate(listener: (update: Api.TypeUpdates) => void): () => void;
  /** What to store (encrypted) to resume this session later without a new sign-in. */
  exportSession(): string;
}
