import type { Database } from 'better-sqlite3';
import bigInt from 'big-integer';
import { Api } from 'telegram';
import { DeskError } from '../../../../shared/contract/result';
import { findAccountEntity } from '../../telegram/entities/account-entities';

/** A chat key (`user:1`, `chat:2`, `channel:3`) as the InputPeer an account's requests name it by. */
export function inputPeer(db: Database, accountId: number, chatKey: string): Api.TypeInputPeer {
  const [type, rawId] = chatKey.split(':') as ['user' | 'chat' | 'channel', string];
  const id = Number(rawId);
  if (type === 'chat') return new Api.InputPeerChat({ chatId: bigInt(id) });
  const hash = findAccountEntity(db, accountId, type, id)?.accessHash;
  if (!hash) throw new DeskError('unavailable', 'This account has not seen this chat in full yet; wait for its next message.');
  return type === 'user'
    ? new Api.InputPeerUser({ userId: bigInt(id), accessHash: bigInt(hash) })
    : new Api.InputPeerChannel({ channelId: bigInt(id), accessHash: bigInt(hash) });
}

export function chatKeyOfPeer(peer: Api.TypePeer): string {
  if (peer instanceof Api.PeerUser) return `user:${peer.userId.toString()}`;
  if (peer instanceof Api.PeerChat) return `chat:${peer.chatId.toString()}`;
  return `channel:${peer.channelId.toString()}`;
}
