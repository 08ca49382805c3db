import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeClient } from '../../../test/fake-client';
import { handleShell, testAccount, testBot } from '../../../test/fixtures';
import { handleInbox, testConversation } from '../../../test/inbox-fixtures';
import { scrollTo, stubLayout } from '../../../test/layout';
import { renderApp } from '../../../test/render-app';
import { ROW_HEIGHT } from './ConversationRow';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout({ viewport: 760 });
});
afterEach(() => {
  cleanup();
  restoreLayout();
});

const rowIds = () => screen.queryAllByTestId('conversation-row').map((row) => Number(row.getAttribute('data-id')));

describe('conversation list', () => {
  it('shows each conversation with its source, preview, unread count, status and labels', async () => {
    const fake = createFakeClient();
    handleShell(fake);
    handleInbox(fake, {
      conversations: [
        testConversation({ id: 1, title: 'Anna Petrova', unreadCount: 3, labels: [{ id: 5, name: 'VIP', color: '#ff0000' }] }),
        testConversation({
          id: 2,
          title: 'Desk Chat',
          kind: 'group',
          source: { kind: 'bot', id: 2, name: '@desk_bot' },
          status: 'pending',
          lastActivityAt: Date.now() - 120_000,
          lastMessage: { text: '', senderName: 'Desk', outgoing: true, date: Date.now() - 120_000, mediaKind: 'photo' },
        }),
      ],
    });
    renderApp(fake);
    await waitFor(() => expect(rowIds()).toEqual([1, 2]));
    const [anna, chat] = screen.getAllByTestId('conversation-row');
    expect(anna!.getAttribute('data-unread')).toBe('true');
    expect(anna!.textContent).toContain('hello');
    expect(anna!.textContent).toContain('Desk Account');
    expect(anna!.textContent).toContain('VIP');
    expect(within(anna!).getByLabelText('3 unread messages')).toBeTruthy();
    expect(chat!.getAttribute('data-unread')).toBe('false');
    expect(chat!.textContent).toContain('You: ');
    expect(chat!.textContent).toContain('Photo');
    expect(chat!.textContent).toContain('Bot @desk_bot');
    expect(chat!.textContent).toContain('Pending');
  });

  it('fits each row in two lines with an avatar, and shows the status only when it says something', async () => {
    const fake = createFakeClient();
    handleShell(fake);
    handleInbox(fake, {
      conversations: [
        testConversation({ id: 1, title: 'Anna Petrova' }),
        testConversation({ id: 2, title: 'desk', status: 'snoozed' }),
        testConversation({ id: 3, title: '🙂' }),
      ],
    });
    renderApp(fake);
    await waitFor(() => expect(rowIds()).toEqual([1, 2, 3]));
    const [anna, desk, smile] = screen.getAllByTestId('conversation-row');
    expect(anna!.querySelectorAll('.conv-line')).toHaveLength(2);
    expect(anna!.textContent).not.toContain('Open');
    expect(desk!.textContent).toContain('Snoozed');
    const avatar = (row: HTMLElement) => within(row).getByTestId('conversation-avatar');
    expect(avatar(anna!).textContent).toBe('AP');
    expect(avatar(desk!).textContent).toBe('D');
    expect(avatar(smile!).textContent).toBe('🙂');
    // The colour follows the conversation, so it stays put as rows move.
    expect(avatar(anna!).style.getPropertyValue('--avatar-color')).not.toBe(avatar(desk!).style.getPropertyValue('--avatar-color'));
  });

  it('switches between Mine, Unassigned and All above the list, and keeps live rows to the choice', async () => {
    const user = userEvent.setup();
    const fake = createFakeClient();
    handleShell(fake);
    const nobodys = testConversation({ id: 1, assigneeId: null });
    handleInbox(fake, { conversations: [nobodys] });
    renderApp(fake);
    await waitFor(() => expect(rowIds()).toEqual([1]));
    const all = screen.getByTestId('assignee-all');
    expect(all.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('group', { name: 'Whose conversations' }).textContent).toBe('MineUnassignedAll');

    await user.click(screen.getByTestId('assignee-mine'));
    await user.click(screen.getByTestId('assignee-unassigned'));
    await waitFor(() => expect(fake.callsOf('inbox.conversations')).toHaveLength(3));
    expect(screen.getByTestId('assignee-unassigned').getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(rowIds()).toEqual([1]));
    // Taken by someone: it leaves the unassigned list at once.
    await act(async () => fake.emit('inbox.conversationsChanged', { conversations: [{ ...nobodys, assigneeId: 'operator:local' }] }));
    expect(rowIds()).toEqual([]);

    await user.click(all);
    await waitFor(() => expect(fake.callsOf('inbox.conversations')).toHaveLength(4));
    expect(fake.callsOf('inbox.conversations').map((c) => (c as { filter: unknown }).filter)).toEqual([{}, { assignee: 'me' }, { assignee: 'nobody' }, {}]);
  });

  it('asks the engine again with each filter', async () => {
    const user = userEvent.setup();
    const fake = createFakeClient();
    handleShell(fake);
    handleInbox(fake, { conversations: [testConversation()] });
    fake.handle('accounts.list', () => ({ accounts: [testAccount({ id: 3 })], defaults: { apiId: 1, hasApiHash: true } }));
    fake.handle('bots.list', () => ({ bots: [testBot({ id: 7 })] }));
    fake.handle('inbox.labels', () => ({ labels: [{ id: 9, name: 'VIP', color: '#ff0000' }] }));
    renderApp(fake);
    await screen.findByTestId('conversation-row');
    await screen.findByRole('option', { name: '@desk_bot' });
    await screen.findByRole('option', { name: 'VIP' });

    await user.click(screen.getByTestId('filter-unread'));
    await user.selectOptions(screen.getByTestId('filter-status'), 'pending');
    await user.selectOptions(screen.getByTestId('filter-source'), 'bot:7');
    await user.selectOptions(screen.getByTestId('filter-label'), '9');
    await user.click(screen.getByTestId('filter-unread'));
    await waitFor(() => expect(fake.callsOf('inbox.conversations')).toHaveLength(6));
    expect(fake.callsOf('inbox.conversations').map((c) => (c as { filter: unknown }).filter)).toEqual([
      {},
      { unreadOnly: true },
      { unreadOnly: true, status: 'pending' },
      { unreadOnly: true, status: 'pending', source: { kind: 'bot', id: 7 } },
      { unreadOnly: true, status: 'pending', source: { kind: 'bot', id: 7 }, labelId: 9 },
      { status: 'pending', source: { kind: 'bot', id: 7 }, labelId: 9 },
    ]);
    expect(fake.callsOf('inbox.conversations')[0]).toEqual({ filter: {}, limit: 200, offset: 0 });
  });

  it('moves a conversation to the top when a message arrives, and drops one that leaves the filter', async () => {
    const user = userEvent.setup();
    const fake = createFakeClient();
    handleShell(fake);
    const old = testConversation({ id: 2, title: 'Boris', lastActivityAt: Date.now() - 3_600_000 });
    handleInbox(fake, { conversations: [testConversation({ id: 1 }), old] });
    renderApp(fake);
    await waitFor(() => expect(rowIds()).toEqual([1, 2]));

    await act(async () => fake.emit('inbox.conversationsChanged', { conversations: [{ ...old, lastActivityAt: Date.now(), unreadCount: 1 }] }));
    expect(rowIds()).toEqual([2, 1]);
    expect(screen.getAllByTestId('conversation-row')[0]!.getAttribute('data-unread')).toBe('true');

    fake.handle('inbox.conversations', () => ({ conversations: [testConversation({ id: 1 })], total: 1 }));
    await user.selectOptions(screen.getByTestId('filter-status'), 'open');
    await waitFor(() => expect(rowIds()).toEqual([1]));
    await act(async () => fake.emit('inbox.conversationsChanged', { conversations: [testConversation({ id: 1, status: 'resolved' })] }));
    expect(rowIds()).toEqual([]);
    expect(screen.getByTestId('inbox-no-match').textContent).toContain('No conversations match these filters.');
  });

  it('renders only a window of rows for 100,000 conversations and follows the scroll', async () => {
    const fake = createFakeClient();
    handleShell(fake);
    const now = Date.now();
    const many = Array.from({ length: 100_000 }, (_, i) => testConversation({ id: i + 1, title: `Person ${i + 1}`, lastActivityAt: now - i * 1000 }));
    // The engine pages at most 500 rows; the store keeps every page it has loaded, so after
    // enough scrolling it holds all of them. Here they arrive at once to test the window.
    handleInbox(fake);
    fake.handle('inbox.conversations', () => ({ conversations: many, total: many.length }));
    renderApp(fake);
    const list = await screen.findByTestId('conversation-list');
    await waitFor(() => expect(rowIds().length).toBeGreaterThan(0), { timeout: 30_000 });
    const rendered = rowIds();
    expect(rendered[0]).toBe(1);
    // 760 px of rows: a dozen visible plus a few overscanned, never thousands.
    expect(rendered.length).toBeLessThan(30);

    act(() => scrollTo(list, ROW_HEIGHT * 50_000));
    await waitFor(() => expect(rowIds()).toContain(50_001), { timeout: 30_000 });
    expect(rowIds().length).toBeLessThan(30);
    // Building 100,000 rows takes about a second alone and several on a loaded machine.
  }, 60_000);
});
