import bigInt from 'big-integer';
import type { Database } from 'better-sqlite3';
import { Api } from 'telegram';
import { classifyRpcError } from '../../telegram/mtproto/rpc-failure';
import { findAccountEntity } from '../../telegram/entities/account-entities';

/** The channel as Telegram wants it named in a request; null when its access hash was never seen. */
export function inputChannel(db: Database, accountId: number, channelId: number): Api.InputChannel | null {
  const accessHash = findAccountEntity(db, accountId, 'channel', channelId)?.accessHash;
  return accessHash ? new Api.InputChannel({ channelId: bigInt(channelId), accessHash: bigInt(accessHash) }) : null;
}

/** Telegram's answers meaning the account is no longer in the channel (left, kicked, or it is gone). */
const CHANNEL_GONE = new Set(['CHANNEL_PRIVATE', 'CHANNEL_INVALID', 'CHANNEL_PUBLIC_GROUP_NA', 'USER_BANNED_IN_CHANNEL']);

export function channelIsGone(error: unknown): boolean {
  const failure = classifyRpcError(error);
  return failure.kind === 'rpc' && CHANNEL_GONE.has(failure.name);
}
