import type { Database } from 'better-sqlite3';
import { Api } from 'telegram';
import type { MtprotoTransport } from '../../telegram/mtproto/transport';
import type { ConversationRow } from '../workflow/conversation-repo';
import { inputPeer } from './input-peer';

/** Everything received up to now is read here; returns the newest incoming Telegram id (0 if none). */
export function markReadLocally(db: Database, conversationId: number): number {
  const maxId = db.prepare('SELECT coalesce(max(telegram_message_id), 0) FROM messages WHERE conversation_id = ? AND outgoing = 0').pluck().get(conversationId) as number;
  db.prepare('UPDATE conversations SET unread_count = 0, read_up_to_telegram_id = max(read_up_to_telegram_id, ?) WHERE id = ?').run(maxId, conversationId);
  return maxId;
}

/** Tells Telegram the account read the chat (its other devices and the sender see it). Channels and supergroups have their own call. */
export async function readInTelegram(db: Database, transport: MtprotoTransport, conversation: ConversationRow, maxId: number): Promise<void> {
  const peer = inputPeer(db, conversation.source_id, conversation.chat_key);
  if (peer instanceof Api.InputPeerChannel) {
    await transport.invoke(new Api.channels.ReadHistory({ channel: new Api.InputChannel({ channelId: peer.channelId, accessHash: peer.accessHash }), maxId }));
  } else {
    await transport.invoke(new Api.messages.ReadHistory({ peer, maxId }));
  }
}
