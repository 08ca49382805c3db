import { describe, expect, it } from 'vitest';
import { manualClock } from '../../platform/clock';
import { useTempDirs } from '../../test-support/temp-dir';
import { inboxHarness, openInboxDb } from '../test/inbox-harness';
import { addBot, incoming, ingest } from '../test/messages';

const tempDir = useTempDirs();

function setup() {
  const dir = tempDir();
  const clock = manualClock(Date.UTC(2026, 0, 2));
  const db = openInboxDb(dir, clock);
  addBot(db);
  const h = inboxHarness({ dir, db, clock });
  h.service.start();
  return { db, ...h };
}

describe('conversation workflow', () => {
  it('creates a conversation on first sight, counts unread, and sorts by activity', async () => {
    const h = setup();
    ingest(h.db, [incoming(7, 'one'), incoming(8, 'hello'), incoming(7, 'two')]);
    const { conversations, total } = await h.call('inbox.conversations', { filter: {}, limit: 10, offset: 0 });
    expect(total).toBe(2);
    expect(conversations.map((c) => [c.title, c.unreadCount, c.lastMessage?.text, c.source.name, c.kind, c.assigneeId])).toEqual([
      ['Person 7', 2, 'two', '@desk_bot', 'private', null],
      ['Person 8', 1, 'hello', '@desk_bot', 'private', null],
    ]);
    await h.call('inbox.markRead', { conversationId: conversations[0]!.id });
    expect((await h.call('inbox.conversations', { filter: { unreadOnly: true }, limit: 10, offset: 0 })).conversations.map((c) => c.title)).toEqual(['Person 8']);
  });

  it('reopens a resolved conversation on a new message, and a snoozed one when its time comes', async () => {
    const h = setup();
    ingest(h.db, [incoming(1, 'a'), incoming(2, 'b')]);
    const [second, first] = (await h.call('inbox.conversations', { filter: {}, limit: 10, offset: 0 })).conversations;
    await h.call('inbox.setStatus', { conversationId: first!.id, status: 'resolved' });
    const snoozed = await h.call('inbox.setStatus', { conversationId: second!.id, status: 'snoozed', snoozedUntil: h.clock.now() + 60_000 });
    expect(snoozed).toMatchObject({ status: 'snoozed', snoozedUntil: h.clock.now() + 60_000 });

    ingest(h.db, [incoming(1, 'again')]);
    expect((await h.call('inbox.conversations', { filter: { status: 'open' }, limit: 10, offset: 0 })).conversations.map((c) => c.title)).toEqual(['Person 1']);

    await h.timers.advance(59_000);
    expect((await h.call('inbox.conversations', { filter: { status: 'snoozed' }, limit: 10, offset: 0 })).total).toBe(1);
    await h.timers.advance(1_000);
    expect((await h.call('inbox.conversations', { filter: { status: 'snoozed' }, limit: 10, offset: 0 })).total).toBe(0);
    expect(h.ofType('inbox.conversationsChanged').at(-1)?.payload.conversations).toMatchObject([{ title: 'Person 2', status: 'open', snoozedUntil: null }]);
    await h.service.stop();
    expect(h.timers.pending()).toBe(0);
  });

  it('labels, notes and assignment filter the list', async () => {
    const h = setup();
    ingest(h.db, [incoming(1, 'a'), incoming(2, 'b')]);
    const [two, one] = (await h.call('inbox.conversations', { filter: {}, limit: 10, offset: 0 })).conversations;
    const vip = await h.call('inbox.saveLabel', { name: 'VIP', color: '#ff0000' });
    await expect(h.call('inbox.saveLabel', { name: 'vip', color: '#00ff00' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await h.call('inbox.setLabels', { conversationId: one!.id, labelIds: [vip.id] })).toMatchObject({ labels: [{ name: 'VIP' }] });
    await expect(h.call('inbox.setLabels', { conversationId: one!.id, labelIds: [999] })).rejects.toMatchObject({ code: 'not_found' });
    expect((await h.call('inbox.conversations', { filter: { labelId: vip.id }, limit: 10, offset: 0 })).conversations.map((c) => c.id)).toEqual([one!.id]);

    await h.call('inbox.addNote', { conversationId: two!.id, text: 'called them' });
    expect((await h.call('inbox.notes', { conversationId: two!.id })).notes).toMatchObject([{ authorId: 'operator:local', text: 'called them' }]);

    expect(await h.call('inbox.assign', { conversationId: two!.id, operatorId: 'operator:local' })).toMatchObject({ assigneeId: 'operator:local' });
    await expect(h.call('inbox.assign', { conversationId: one!.id, operatorId: 'operator:nobody' })).rejects.toMatchObject({ code: 'not_found' });
    const mine = await h.call('inbox.conversations', { filter: { assignee: 'me' }, limit: 10, offset: 0 });
    expect(mine.conversations.map((c) => c.id)).toEqual([two!.id]);
    expect((await h.call('inbox.conversations', { filter: { assignee: 'me' }, limit: 10, offset: 0 }, 'operator:other')).total).toBe(0);
    const unassigned = await h.call('inbox.conversations', { filter: { assignee: 'nobody' }, limit: 10, offset: 0 });
    expect(unassigned.conversations.map((c) => c.id)).toEqual([one!.id]);

    h.db.prepare("UPDATE operators SET max_chats = 1 WHERE id = 'operator:local'").run();
    await expect(h.call('inbox.assign', { conversationId: one!.id, operatorId: 'operator:local' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('renames a label everywhere it is shown, refusing a name another label has', async () => {
    const h = setup();
    ingest(h.db, [incoming(1, 'a')]);
    const [one] = (await h.call('inbox.conversations', { filter: {}, limit: 10, offset: 0 })).conversations;
    const vip = await h.call('inbox.saveLabel', { name: 'VIP', color: '#ff0000' });
    await h.call('inbox.saveLabel', { name: 'Refund', color: '#00ff00' });
    await h.call('inbox.setLabels', { conversationId: one!.id, labelIds: [vip.id] });

    await expect(h.call('inbox.saveLabel', { id: vip.id, name: 'refund', color: '#ff0000' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already a label called “refund”/) });
    await expect(h.call('inbox.saveLabel', { id: 999, name: 'Ghost', color: '#ff0000' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await h.call('inbox.saveLabel', { id: vip.id, name: 'Gold', color: '#ffcc00' })).toEqual({ id: vip.id, name: 'Gold', color: '#ffcc00' });
    await h.bus.flush();
    expect(h.ofType('inbox.labelsChanged').at(-1)?.payload.labels.map((l) => l.name)).toEqual(['Gold', 'Refund']);
    expect(h.ofType('inbox.conversationsChanged').at(-1)?.payload.conversations).toMatchObject([{ id: one!.id, labels: [{ name: 'Gold', color: '#ffcc00' }] }]);
  });

  it('deletes a label from every conversation, saying how many carried it', async () => {
    const h = setup();
    ingest(h.db, [incoming(1, 'a'), incoming(2, 'b'), incoming(3, 'c')]);
    const conversations = (await h.call('inbox.conversations', { filter: {}, limit: 10, offset: 0 })).conversations;
    const vip = await h.call('inbox.saveLabel', { name: 'VIP', color: '#ff0000' });
    const keep = await h.call('inbox.saveLabel', { name: 'Keep', color: '#00ff00' });
    await h.call('inbox.setLabels', { conversationId: conversations[0]!.id, labelIds: [vip.id, keep.id] });
    await h.call('inbox.setLabels', { conversationId: conversations[1]!.id, labelIds: [vip.id] });

    expect(await h.call('inbox.labelUsage', { id: vip.id })).toEqual({ conversations: 2 });
    expect(await h.call('inbox.removeLabel', { id: vip.id, confirm: true })).toEqual({ removed: true, conversations: 2 });
    await h.bus.flush();
    expect(h.ofType('inbox.labelsChanged').at(-1)?.payload.labels).toEqual([keep]);
    const changed = h.ofType('inbox.conversationsChanged').at(-1)!.payload.conversations;
    expect(new Map(changed.map((c) => [c.id, c.labels.map((l) => l.name)]))).toEqual(
      new Map([
        [conversations[0]!.id, ['Keep']],
        [conversations[1]!.id, []],
      ]),
    );
    expect((await h.call('inbox.conversations', { filter: { labelId: vip.id }, limit: 10, offset: 0 })).total).toBe(0);
    await expect(h.call('inbox.removeLabel', { id: vip.id, confirm: true })).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.call('inbox.labelUsage', { id: vip.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('fills canned reply variables when the reply is sent', async () => {
    const h = setup();
    h.db.prepare("INSERT INTO telegram_entities (source_kind, source_id, peer_type, peer_id, first_name, last_name, updated_at) VALUES ('bot', 1, 'user', 5, 'Мария', 'Иванова', 1)").run();
    ingest(h.db, [incoming(5, 'привет', { chatTitle: 'Мария Иванова' })]);
    const canned = await h.call('inbox.saveCannedReply', { title: 'Hello', text: 'Здравствуйте, {{first_name}}! ({{ name }}) — {{operator}} {{unknown}}' });
    expect((await h.call('inbox.cannedReplies', {})).replies).toEqual([canned]);
    const [conversation] = (await h.call('inbox.conversations', { filter: {}, limit: 10, offset: 0 })).conversations;
    const sent = await h.call('inbox.reply', { conversationId: conversation!.id, text: canned.text });
    expect(sent.text).toBe('Здравствуйте, Мария! (Мария Иванова) — This desk {{unknown}}');
    expect(h.enqueued[0]!.payload).toMatchObject({ kind: 'text', text: sent.text, chatKey: 'user:5' });
    await h.call('inbox.removeCannedReply', { id: canned.id, confirm: true });
    expect((await h.call('inbox.cannedReplies', {})).replies).toEqual([]);
  });
});
