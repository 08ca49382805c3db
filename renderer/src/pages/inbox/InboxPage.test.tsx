import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeClient } from '../../test/fake-client';
import { handleShell } from '../../test/fixtures';
import { handleInbox, testConversation } from '../../test/inbox-fixtures';
import { stubLayoutForEachTest } from '../../test/layout';
import { renderApp } from '../../test/render-app';

stubLayoutForEachTest();

const now = Date.now();
const conversations = [
  testConversation({ id: 1, title: 'Anna', lastActivityAt: now - 1000 }),
  testConversation({ id: 2, title: 'Boris', lastActivityAt: now - 2000 }),
  testConversation({ id: 3, title: 'Clara', lastActivityAt: now - 3000 }),
];

function setup() {
  const fake = createFakeClient();
  handleShell(fake);
  handleInbox(fake, { conversations });
  fake.handle('inbox.setStatus', ({ conversationId, status }) => ({ ...conversations.find((c) => c.id === conversationId)!, status }));
  fake.handle('inbox.assign', ({ conversationId, operatorId }) => ({ ...conversations.find((c) => c.id === conversationId)!, assigneeId: operatorId }));
  fake.handle('inbox.addNote', ({ conversationId, text }) => ({ id: 1, conversationId, authorId: 'operator:local', text, createdAt: Date.now() }));
  renderApp(fake);
  return fake;
}

const title = () => screen.getByRole('heading', { level: 2 }).textContent;

describe('inbox keyboard and sidebar', () => {
  it('moves between chats with Alt or Ctrl and the arrows, and keeps Alt+digit for areas', async () => {
    const fake = setup();
    await screen.findAllByTestId('conversation-row');
    fireEvent.keyDown(window, { key: 'ArrowDown', altKey: true });
    await waitFor(() => expect(title()).toBe('Anna'));
    fireEvent.keyDown(window, { key: 'ArrowDown', altKey: true });
    await waitFor(() => expect(title()).toBe('Boris'));
    fireEvent.keyDown(window, { key: 'ArrowDown', ctrlKey: true });
    await waitFor(() => expect(title()).toBe('Clara'));
    fireEvent.keyDown(window, { key: 'ArrowUp', ctrlKey: true });
    await waitFor(() => expect(title()).toBe('Boris'));
    expect(fake.callsOf('inbox.markRead')).toEqual([{ conversationId: 1 }, { conversationId: 2 }, { conversationId: 3 }, { conversationId: 2 }]);
    fireEvent.keyDown(window, { key: '9', code: 'Digit9', altKey: true });
    expect(screen.getByTestId('page-title').textContent).toBe('Logs');
  });

  it('focuses search with Ctrl+K and "/", opens the shortcut sheet with "?", resolves with Alt+R', async () => {
    const user = userEvent.setup();
    const fake = setup();
    await screen.findAllByTestId('conversation-row');
    fireEvent.keyDown(window, { key: 'k', code: 'KeyK', ctrlKey: true });
    expect(document.activeElement).toBe(screen.getByTestId('search-input'));
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: '/', code: 'Slash' });
    expect(document.activeElement).toBe(screen.getByTestId('search-input'));
    (document.activeElement as HTMLElement).blur();

    fireEvent.keyDown(document.body, { key: '?', code: 'Slash', shiftKey: true });
    const sheet = await screen.findByTestId('shortcut-sheet');
    expect(sheet.textContent).toContain('Alt+R');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('shortcut-sheet')).toBeNull();

    await user.click(screen.getAllByTestId('conversation-row')[1]!);
    await screen.findByTestId('chat-pane');
    // "к" on a Russian layout is the same key: the code decides.
    fireEvent.keyDown(window, { key: 'к', code: 'KeyR', altKey: true });
    await waitFor(() => expect(fake.callsOf('inbox.setStatus')).toEqual([{ conversationId: 2, status: 'resolved' }]));
    await waitFor(() => expect(screen.getByTestId('conversation-status').getAttribute('data-status')).toBe('resolved'));
  });

  it('changes status with a snooze preset, assigns to me and adds a private note', async () => {
    const user = userEvent.setup();
    const fake = setup();
    await user.click((await screen.findAllByTestId('conversation-row'))[0]!);
    await user.click(await screen.findByTestId('status-pending'));
    await user.click(screen.getByTestId('status-snoozed'));
    const before = Date.now();
    await user.click(screen.getAllByTestId('snooze-preset')[0]!);
    const calls = fake.callsOf('inbox.setStatus') as { status: string; snoozedUntil?: number }[];
    expect(calls[0]).toEqual({ conversationId: 1, status: 'pending' });
    expect(calls[1]!.status).toBe('snoozed');
    expect(calls[1]!.snoozedUntil! - before).toBeGreaterThanOrEqual(3_600_000);

    await user.selectOptions(screen.getByTestId('conversation-assign'), 'operator:local');
    expect(fake.callsOf('inbox.assign')).toEqual([{ conversationId: 1, operatorId: 'operator:local' }]);

    await user.type(screen.getByTestId('note-text'), 'Called back on Monday');
    await user.click(screen.getByTestId('note-add'));
    expect((await screen.findByTestId('note')).textContent).toContain('Called back on Monday');
    expect(fake.callsOf('inbox.addNote')).toEqual([{ conversationId: 1, text: 'Called back on Monday' }]);
    expect((screen.getByTestId('note-text') as HTMLTextAreaElement).value).toBe('');
  });
});
