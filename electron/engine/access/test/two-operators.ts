import type { Database } from 'better-sqlite3';
import type { CallContext } from '../../contract/dispatcher';
import { indexNewMessages } from '../../inbox/search/fts-index';

export const A: CallContext = { actor: 'operator:a', role: 'operator', sessionId: 'session-a' };
export const B: CallContext = { actor: 'operator:b', role: 'operator', sessionId: 'session-b' };

/**
 * Two operators on one desk, rows put straight into the store:
 * - A works account 1; B works account 2 and bot 1;
 * - each has a conversation assigned to them on their own account; each account has one queued
 *   (unassigned) conversation; B also holds one of account 1 (assigned past A's senders) and
 *   A one of the bot (assigned although A may not work the bot).
 * Every conversation has one message saying "parcel", newest last, and one sent outbox item.
 * A sees `a.visible` (their two assigned ones and account 1's queue); everything in `a.hidden` is B's or B's queue.
 */
export function seedTwoOperators(db: Database, now: number) {
  db.exec(`
    INSERT INTO accounts (id, phone, first_name, enabled, created_at, updated_at) VALUES (1, '+15550001111', 'Sales', 0, 0, 0), (2, '+15550002222', 'Support', 0, 0, 0);
    INSERT INTO bots (id, telegram_bot_id, username, first_name, token_enc, mode, enabled, api_server, created_at, updated_at)
      VALUES (1, 7001, 'help_bot', 'Help', 'sealed', 'polling', 0, 'http://10.0.0.5:8081', 0, 0);
    INSERT INTO operators (id, name, role, created_at) VALUES ('operator:a', 'Anna', 'operator', 0), ('operator:b', 'Boris', 'operator', 0);
    INSERT INTO operator_senders (operator_id, sender_kind, sender_id) VALUES ('operator:a', 'account', 1), ('operator:b', 'account', 2), ('operator:b', 'bot', 1);
  `);
  const conversation = (title: string, kind: 'account' | 'bot', sourceId: number, assignee: string | null, at: number): number => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO conversations (source_kind, source_id, chat_key, kind, title, last_activity_at, created_at, assignee_id, queued_at)
           VALUES (?, ?, ?, 'private', ?, ?, ?, ?, ?)`,
        )
        .run(kind, sourceId, `user:${at}`, title, now + at, now, assignee, assignee === null ? now + at : null).lastInsertRowid,
    );
    const messageId = Number(
      db
        .prepare(
          `INSERT INTO messages (source_kind, source_id, chat_key, chat_title, telegram_message_id, sender_id, sender_name, date, text, outgoing, received_at, conversation_id)
           VALUES (?, ?, ?, ?, ?, ?, 'Someone', ?, ?, 0, ?, ?)`,
        )
        .run(kind, sourceId, `user:${at}`, title, at, at, now + at, `where is my parcel, ${title}?`, now + at, id).lastInsertRowid,
    );
    indexNewMessages(db, [messageId]);
    db.prepare('UPDATE conversations SET last_message_id = ? WHERE id = ?').run(messageId, id);
    const outboxId = Number(
      db
        .prepare(
          `INSERT INTO outbox (sender_kind, sender_id, kind, conversation_id, payload, state, created_at, updated_at)
           VALUES (?, ?, 'text', ?, ?, 'sent', ?, ?)`,
        )
        .run(kind, sourceId, id, JSON.stringify({ kind: 'text', chatKey: `user:${at}`, text: 'on its way' }), now, now).lastInsertRowid,
    );
    byTitle[title] = { id, messageId, outboxId };
    return id;
  };
  const byTitle: Record<string, { id: number; messageId: number; outboxId: number }> = {};
  conversation('A own', 'account', 1, A.actor, 1);
  conversation('B own', 'account', 2, B.actor, 2);
  conversation('account 1 queue', 'account', 1, null, 3);
  conversation('account 2 queue', 'account', 2, null, 4);
  conversation('A holds of the bot', 'bot', 1, A.actor, 5);
  // The newest of all is B's: a search limited to one hit must still find A's.
  conversation('B holds of account 1', 'account', 1, B.actor, 6);
  const pick = (...titles: string[]) => titles.map((t) => byTitle[t]!);
  return {
    byTitle,
    a: { visible: pick('A own', 'account 1 queue', 'A holds of the bot'), hidden: pick('B own', 'account 2 queue', 'B holds of account 1') },
  };
}
