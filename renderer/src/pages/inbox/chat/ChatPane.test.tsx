import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../../../../shared/domain/inbox';
import { createFakeClient, type FakeClient } from '../../../test/fake-client';
import { handleShell } from '../../../test/fixtures';
import { handleInbox, testConversation, testHistory, testMessage } from '../../../test/inbox-fixtures';
import { scrollTo, stubLayoutForEachTest } from '../../../test/layout';
import { renderApp } from '../../../test/render-app';

stubLayoutForEachTest();
beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:photo-1');
  URL.revokeObjectURL = vi.fn();
});

const messageIds = () => screen.queryAllByTestId('message').map((m) => Number(m.getAttribute('data-id')));
const message = (id: number) => screen.getAllByTestId('message').find((m) => m.getAttribute('data-id') === String(id))!;

async function openChat(messages: ChatMessage[], engine: (fake: FakeClient) => void = () => {}) {
  const user = userEvent.setup();
  const fake = createFakeClient();
  handleShell(fake);
  handleInbox(fake, { conversations: [testConversation({ unreadCount: 2 })], messages });
  engine(fake);
  const app = renderApp(fake);
  await user.click(await screen.findByTestId('conversation-row'));
  await screen.findByTestId('chat-pane');
  return { user, fake, app };
}

describe('chat pane', () => {
  it('marks the chat read on open and shows its messages under day separators', async () => {
    const yesterday = Date.now() - 24 * 60 * 60 * 1000;
    const { fake } = await openChat([
      testMessage({ id: 1, text: 'from yesterday', date: yesterday }),
      testMessage({ id: 2, text: 'from today', date: Date.now() - 1000 }),
    ]);
    await waitFor(() => expect(messageIds()).toEqual([1, 2]));
    expect(fake.callsOf('inbox.markRead')).toEqual([{ conversationId: 1 }]);
    expect(fake.callsOf('inbox.messages')).toEqual([{ conversationId: 1, limit: 50 }]);
    await waitFor(() => expect(screen.getByTestId('conversation-row').getAttribute('data-unread')).toBe('false'));
    const log = screen.getByTestId('message-list');
    expect(log.textContent).toMatch(/Yesterday.*from yesterday.*Today.*from today/);
  });

  it('merges live messages by id and shows every delivery state with its reason', async () => {
    const until = new Date();
    until.setHours(23, 59, 58, 0);
    const { fake } = await openChat([testMessage({ id: 1 })]);
    await waitFor(() => expect(messageIds()).toEqual([1]));
    const out = (id: number, delivery: ChatMessage['delivery']) =>
      testMessage({ id, outgoing: true, senderName: 'Desk', outboxId: 100 + id, delivery, date: Date.now() - 1000 + id, text: `reply ${id}` });
    act(() =>
      fake.emit('inbox.messagesChanged', {
        messages: [
          out(2, { state: 'queued' }),
          out(3, { state: 'waiting', until: until.getTime(), reason: 'Telegram asked to slow down' }),
          out(4, { state: 'failed', reason: 'The bot was blocked by the user' }),
          out(5, { state: 'uncertain', reason: 'the desk stopped mid-send' }),
          testMessage({ id: 99, conversationId: 2, text: 'another chat' }),
        ],
      }),
    );
    expect(messageIds()).toEqual([1, 2, 3, 4, 5]);
    expect(message(2).getAttribute('data-delivery')).toBe('queued');
    const waiting = within(message(3)).getByTestId('message-delivery');
    // English times are 12-hour; Intl may put a narrow space before PM.
    expect(waiting.textContent).toMatch(/Waiting until 11:59:58\sPM/);
    expect(waiting.textContent).toContain('Telegram asked to slow down');
    expect(within(message(4)).getByTestId('message-delivery').textContent).toContain('Not sent: The bot was blocked by the user');

    act(() => fake.emit('inbox.messagesChanged', { messages: [out(2, { state: 'sent' })] }));
    expect(message(2).getAttribute('data-delivery')).toBe('sent');
    expect(messageIds()).toEqual([1, 2, 3, 4, 5]);
  });

  it('retries a failed message, and sends an uncertain one again only after confirming', async () => {
    const failed = testMessage({ id: 4, outgoing: true, outboxId: 40, delivery: { state: 'failed', reason: 'network' } });
    const uncertain = testMessage({ id: 5, outgoing: true, outboxId: 50, delivery: { state: 'uncertain', reason: 'crash' } });
    const { user, fake } = await openChat([failed, uncertain], (engine) =>
      engine.handle('inbox.retry', ({ outboxId }) => ({ ...(outboxId === 40 ? failed : uncertain), delivery: { state: 'queued' as const } })),
    );
    await user.click(await within(message(4)).findByTestId('message-retry'));
    expect(fake.callsOf('inbox.retry')).toEqual([{ outboxId: 40 }]);
    await waitFor(() => expect(message(4).getAttribute('data-delivery')).toBe('queued'));

    expect(within(message(5)).getByTestId('message-delivery').textContent).toContain('Telegram did not confirm it');
    await user.click(within(message(5)).getByTestId('message-send-again'));
    expect(fake.callsOf('inbox.retry')).toHaveLength(1);
    await user.click(within(message(5)).getByTestId('message-send-again-confirm'));
    expect(fake.callsOf('inbox.retry')).toEqual([{ outboxId: 40 }, { outboxId: 50 }]);
  });

  it('marks deleted and edited messages and shows the earlier versions', async () => {
    const { user, fake } = await openChat(
      [testMessage({ id: 1, text: 'gone', deletedAt: Date.now() }), testMessage({ id: 2, text: 'new text', editedAt: Date.now(), hasEdits: true })],
      (engine) => engine.handle('inbox.edits', () => ({ versions: [{ text: 'old text', editedAt: Date.now() - 5000 }] })),
    );
    await waitFor(() => expect(messageIds()).toEqual([1, 2]));
    expect(message(1).getAttribute('data-deleted')).toBe('true');
    expect(message(1).textContent).toContain('gone');
    expect(message(1).textContent).toContain('deleted');
    await user.click(within(message(2)).getByTestId('message-edited'));
    expect(await within(message(2)).findByText(/old text/)).toBeTruthy();
    expect(fake.callsOf('inbox.edits')).toEqual([{ messageId: 2 }]);
  });

  it('starts at the newest message and loads older ones when scrolled to the top', async () => {
    const { fake } = await openChat(testHistory(120));
    await waitFor(() => expect(messageIds()).toContain(120));
    expect(messageIds()).not.toContain(71);
    expect(messageIds().length).toBeLessThan(25);
    act(() => scrollTo(screen.getByTestId('message-list'), 0));
    await waitFor(() => expect(fake.callsOf('inbox.messages')).toContainEqual({ conversationId: 1, beforeId: 71, limit: 50 }));
    // The page arrives above what was on screen, which stays where it was.
    await waitFor(() => expect(screen.getByTestId('message-list').scrollTop).toBeGreaterThan(2000));
    expect(messageIds()).toContain(71);
    expect(messageIds()).not.toContain(21);
  });

  it('renders only a window of a 10,000-message chat, starting at the newest', async () => {
    const history = testHistory(10_000);
    // The engine pages at 200 at most; here the whole history arrives at once to test the window.
    await openChat(history, (engine) => engine.handle('inbox.messages', () => ({ messages: history, hasMore: false })));
    await waitFor(() => expect(messageIds()).toContain(10_000));
    expect(messageIds().length).toBeLessThan(30);
  });

  it('shows a photo from the engine as a blob URL, and a reply quote that scrolls to its message', async () => {
    const { fake } = await openChat(
      [
        testMessage({
          id: 1,
          text: '',
          media: { kind: 'photo', mimeType: 'image/png', fileName: null, size: 68, width: 10, height: 10, duration: null, download: 'done', progress: null },
        }),
        testMessage({ id: 2, text: 'see above', replyTo: { id: 1, senderName: 'Anna Petrova', text: '' } }),
      ],
      (engine) => engine.handle('inbox.media', () => ({ dataUrl: 'data:image/png;base64,iVBORw0KGgo=', mimeType: 'image/png' })),
    );
    const media = await screen.findByTestId('message-media');
    await waitFor(() => expect(within(media).getByRole('img').getAttribute('src')).toBe('blob:photo-1'));
    expect(fake.callsOf('inbox.media')).toEqual([{ messageId: 1 }]);
    await userEvent.setup().click(within(message(2)).getByTestId('message-quote'));
    await waitFor(() => expect(message(1).getAttribute('data-highlighted')).toBe('true'));
  });

  it("keeps a removed bot's conversation readable under its name, marked removed, and says why it cannot be answered", async () => {
    const user = userEvent.setup();
    const fake = createFakeClient();
    handleShell(fake);
    const removed = testConversation({ id: 1, source: { kind: 'bot', id: 3, name: '@old_bot', removed: true } });
    handleInbox(fake, { conversations: [removed], messages: [testMessage({ id: 1, text: 'kept as history' })] });
    renderApp(fake);
    const row = await screen.findByTestId('conversation-row');
    expect(within(row).getByTestId('conversation-source').textContent).toBe('Bot @old_bot · removed');
    await user.click(row);
    const pane = await screen.findByTestId('chat-pane');
    await waitFor(() => expect(messageIds()).toEqual([1]));
    expect(within(pane).getByTestId('conversation-source').textContent).toBe('Bot @old_bot · removed');
    expect(within(pane).queryByTestId('composer-text')).toBeNull();
    expect(within(pane).queryByTestId('message-reply')).toBeNull();
    expect(within(pane).getByTestId('composer-removed-sender').textContent).toBe(
      'The bot @old_bot was removed from the desk. This chat is kept as history; it cannot be answered from here.',
    );
  });
});
