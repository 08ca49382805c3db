import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import { inboxHarness, openInboxDb } from '../test/inbox-harness';
import { addBot, incoming, ingest } from '../test/messages';

const tempDir = useTempDirs();

describe('the audit trail of the inbox workflow', () => {
  it('records who changed a status, an assignee, labels or a note, from what to what', async () => {
    const dir = tempDir();
    const db = openInboxDb(dir);
    addBot(db);
    const h = inboxHarness({ dir, db });
    ingest(db, [incoming(1, 'hello')]);
    const conversationId = (await h.call('inbox.conversations', { filter: {}, limit: 1, offset: 0 })).conversations[0]!.id;
    const target = `conversation:${conversationId}`;

    await h.call('inbox.setStatus', { conversationId, status: 'snoozed', snoozedUntil: h.clock.now() + 3_600_000 });
    await h.call('inbox.assign', { conversationId, operatorId: 'operator:local' });
    const vip = await h.call('inbox.saveLabel', { name: 'VIP', color: '#ff0000' });
    await h.call('inbox.setLabels', { conversationId, labelIds: [vip.id] });
    const note = await h.call('inbox.addNote', { conversationId, text: 'Called them back' });
    await h.call('inbox.setLabels', { conversationId, labelIds: [] });
    await h.call('inbox.saveLabel', { id: vip.id, name: 'Gold', color: '#ff0000' });
    await h.call('inbox.removeLabel', { id: vip.id, confirm: true });
    // Asking for what already is changes nothing and records nothing.
    await h.call('inbox.assign', { conversationId, operatorId: 'operator:local' });

    expect(h.audits).toEqual([
      { actor: 'operator:local', action: 'inbox.setStatus', target, details: { title: 'Person 1', from: 'open', to: 'snoozed', snoozedUntil: h.clock.now() + 3_600_000 } },
      { actor: 'operator:local', action: 'inbox.assign', target, details: { title: 'Person 1', from: null, to: 'operator:local' } },
      { actor: 'operator:local', action: 'inbox.saveLabel', target: `label:${vip.id}`, details: { name: 'VIP', color: '#ff0000' } },
      { actor: 'operator:local', action: 'inbox.setLabels', target, details: { title: 'Person 1', added: ['VIP'], removed: [] } },
      { actor: 'operator:local', action: 'inbox.addNote', target, details: { title: 'Person 1', noteId: note.id, length: 16 } },
      { actor: 'operator:local', action: 'inbox.setLabels', target, details: { title: 'Person 1', added: [], removed: ['VIP'] } },
      { actor: 'operator:local', action: 'inbox.saveLabel', target: `label:${vip.id}`, details: { name: 'Gold', color: '#ff0000', was: 'VIP' } },
      { actor: 'operator:local', action: 'inbox.removeLabel', target: `label:${vip.id}`, details: { name: 'Gold', conversations: 0 } },
    ]);
    await h.service.stop();
  });
});
