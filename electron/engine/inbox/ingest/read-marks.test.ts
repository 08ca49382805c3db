import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../../shared/contract/index';
import { createEventBus } from '../../contract/event-bus';
import { openDatabase } from '../../db/open-database';
import { useTempDirs } from '../../test-support/temp-dir';
import { announceReadMessages, applyReadMarks } from './read-marks';

const tempDir = useTempDirs();

function deskWithReply() {
  const dir = tempDir();
  const { db } = openDatabase({ path: join(dir, 'desk.sqlite'), backupsDir: join(dir, 'backups'), now: () => 1, keepBackups: 1 });
  db.prepare("INSERT INTO accounts (id, phone, created_at, updated_at) VALUES (1, '+79990000001', 1, 1)").run();
  const conversationId = Number(
    db.prepare("INSERT INTO conversations (source_kind, source_id, chat_key, kind, title, last_activity_at, created_at, unread_count) VALUES ('account', 1, 'user:5', 'private', 'Anna', 1, 1, 2)").run().lastInsertRowid,
  );
  const outboxId = Number(
    db.prepare("INSERT INTO outbox (sender_kind, sender_id, kind, conversation_id, payload, state, created_at, updated_at) VALUES ('account', 1, 'text', ?, '{}', 'sent', 1, 1)").run(conversationId).lastInsertRowid,
  );
  const insert = db.prepare(
    `INSERT INTO messages (source_kind, source_id, chat_key, chat_title, telegram_message_id, sender_name, date, text, outgoing, received_at, conversation_id, outbox_id)
     VALUES ('account', 1, 'user:5', 'Anna', ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  insert.run(10, 'Anna', 1, 'question', 0, conversationId, null);
  const replyId = Number(insert.run(11, 'Desk', 2, 'answer', 1, conversationId, outboxId).lastInsertRowid);
  insert.run(12, 'Anna', 3, 'thanks', 0, conversationId, null);
  const conversation = () => db.prepare('SELECT unread_count, read_up_to_telegram_id, read_outbox_telegram_id FROM conversations WHERE id = ?').get(conversationId);
  return { db, conversationId, replyId, conversation };
}

describe('read marks', () => {
  it('sets the unread count from Telegram, or counts what is after the mark, and ignores older marks', () => {
    const { db, conversationId, conversation } = deskWithReply();
    expect(applyReadMarks(db, 1, [{ chatKey: 'user:5', side: 'inbox', maxId: 10, stillUnread: null }]).conversationIds).toEqual(new Set([conversationId]));
    expect(conversation()).toMatchObject({ unread_count: 1, read_up_to_telegram_id: 10 });
    applyReadMarks(db, 1, [{ chatKey: 'user:5', side: 'inbox', maxId: 12, stillUnread: 0 }]);
    expect(conversation()).toMatchObject({ unread_count: 0, read_up_to_telegram_id: 12 });
    expect(applyReadMarks(db, 1, [{ chatKey: 'user:5', side: 'inbox', maxId: 10, stillUnread: 1 }]).conversationIds.size).toBe(0);
    expect(applyReadMarks(db, 1, [{ chatKey: 'user:404', side: 'inbox', maxId: 10, stillUnread: 0 }]).conversationIds.size).toBe(0);
    expect(conversation()).toMatchObject({ unread_count: 0, read_up_to_telegram_id: 12 });
  });

  it('marks our replies read by the other side, and announces them with their delivery kept', () => {
    const { db, replyId, conversation } = deskWithReply();
    expect(applyReadMarks(db, 1, [{ chatKey: 'user:5', side: 'outbox', maxId: 11, stillUnread: null }]).readMessageIds).toEqual([replyId]);
    expect(conversation()).toMatchObject({ read_outbox_telegram_id: 11 });
    expect(applyReadMarks(db, 1, [{ chatKey: 'user:5', side: 'outbox', maxId: 11, stillUnread: null }]).readMessageIds).toEqual([]);

    const events: DeskEvent[] = [];
    const bus = createEventBus();
    bus.subscribe((batch) => events.push(...batch));
    announceReadMessages(bus, db, [replyId]);
    bus.flush();
    expect(events).toEqual([{ type: 'inbox.messagesChanged', payload: { messages: [expect.objectContaining({ id: replyId, readByRecipient: true, delivery: { state: 'sent' } })] } }]);
  });
});
