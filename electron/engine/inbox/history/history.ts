import type { Database } from 'better-sqlite3';
import bigInt from 'big-integer';
import { Api } from 'telegram';
import { findAccountEntity, upsertAccountEntities } from '../../telegram/entities/account-entities';
import type { MtprotoTransport } from '../../telegram/mtproto/transport';
import { translateEntities } from '../../telegram/mtproto/translate/entities';
import { messagesOf, withEntities } from '../../telegram/mtproto/translate/updates';
import { nothingStored, storeIncoming, type IngestResult } from '../ingest/store-incoming';
import { chatKeyOfPeer, inputPeer } from './input-peer';

export interface HistoryDeps {
  db: Database;
  now(): number;
}

/** How much history an account brings in when it comes online (0 dialogs: none). */
export interface BackfillDepth {
  dialogs: number;
  messagesPerDialog: number;
}

type Answer = { messages: Api.TypeMessage[]; users: Api.TypeUser[]; chats: Api.TypeChat[] };

/** Stores a page of Telegram's messages as history (not news: no unread, no reopening). */
function storePage(deps: HistoryDeps, accountId: number, answer: Answer, after?: (db: Database) => void): IngestResult {
  const { db } = deps;
  const entities = translateEntities(answer.users, answer.chats);
  const selfId = db.prepare('SELECT telegram_user_id FROM accounts WHERE id = ?').pluck().get(accountId) as number;
  const ctx = withEntities({ selfId, entity: (type, id) => findAccountEntity(db, accountId, type, id) }, entities);
  const source = { kind: 'account' as const, id: accountId };
  const messages = messagesOf(answer.messages, ctx).map((m) => ({ ...m, source }));
  return db.transaction(() => {
    const now = deps.now();
    upsertAccountEntities(db, accountId, entities, now);
    const result = storeIncoming(db, source, { messages, edits: [], deletions: [] }, now, { history: true });
    after?.(db);
    return result;
  })();
}

/**
 * The page of a chat's history older than `olderThan` (a Telegram message id; 0 for the newest).
 * A short page means Telegram has nothing older: the conversation's history is complete.
 */
export async function fetchOlder(
  deps: HistoryDeps,
  transport: MtprotoTransport,
  conversation: { id: number; accountId: number; chatKey: string },
  olderThan: number,
  limit: number,
): Promise<IngestResult> {
  const answer = await transport.invoke(
    new Api.messages.GetHistory({ peer: inputPeer(deps.db, conversation.accountId, conversation.chatKey), offsetId: olderThan, offsetDate: 0, addOffset: 0, limit, maxId: 0, minId: 0, hash: bigInt(0) }),
  );
  if (answer instanceof Api.messages.MessagesNotModified) return markComplete(deps.db, conversation.id);
  return storePage(deps, conversation.accountId, answer, (db) => {
    if (answer.messages.length < limit) db.prepare('UPDATE conversations SET history_complete = 1 WHERE id = ?').run(conversation.id);
  });
}

function markComplete(db: Database, id: number): IngestResult {
  db.prepare('UPDATE conversations SET history_complete = 1 WHERE id = ?').run(id);
  return { ...nothingStored(), conversationIds: new Set([id]) };
}

/**
 * The account's latest dialogs, each with its recent messages, and Telegram's own unread count
 * and read mark for each (what was read on the phone is not unread here).
 */
export async function backfill(deps: HistoryDeps, transport: MtprotoTransport, accountId: number, depth: BackfillDepth): Promise<IngestResult[]> {
  if (depth.dialogs <= 0) return [];
  const dialogs = await transport.invoke(
    new Api.messages.GetDialogs({ offsetDate: 0, offsetId: 0, offsetPeer: new Api.InputPeerEmpty(), limit: depth.dialogs, hash: bigInt(0) }),
  );
  if (dialogs instanceof Api.messages.DialogsNotModified) return [];
  const results = [storePage(deps, accountId, dialogs)];
  for (const dialog of dialogs.dialogs) {
    if (!(dialog instanceof Api.Dialog)) continue;
    const chatKey = chatKeyOfPeer(dialog.peer);
    const history = await transport.invoke(
      new Api.messages.GetHistory({ peer: inputPeer(deps.db, accountId, chatKey), offsetId: 0, offsetDate: 0, addOffset: 0, limit: depth.messagesPerDialog, maxId: 0, minId: 0, hash: bigInt(0) }),
    );
    if (history instanceof Api.messages.MessagesNotModified) continue;
    results.push(
      storePage(deps, accountId, history, (db) =>
        db
          .prepare(
            `UPDATE conversations SET unread_count = ?, read_up_to_telegram_id = max(read_up_to_telegram_id, ?),
               history_complete = history_complete OR ? WHERE source_kind = 'account' AND source_id = ? AND chat_key = ?`,
          )
          .run(dialog.unreadCount, dialog.readInboxMaxId, history.messages.length < depth.messagesPerDialog ? 1 : 0, accountId, chatKey),
      ),
    );
  }
  return results;
}
