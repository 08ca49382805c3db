import { act, screen, waitFor, within, fireEvent } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../../shared/contract/result';
import type { ConversationView } from '../../../../shared/domain/inbox';
import type { OperatorView, QueueView } from '../../../../shared/domain/operators';
import { createFakeClient } from '../../test/fake-client';
import { handleShell } from '../../test/fixtures';
import { handleInbox, testConversation } from '../../test/inbox-fixtures';
import { stubLayoutForEachTest } from '../../test/layout';
import { handleOperators, testOperator } from '../../test/operator-fixtures';
import { renderApp } from '../../test/render-app';

stubLayoutForEachTest({ viewport: 760 });

const admin = testOperator();
const anna = testOperator({ id: 'operator:anna', name: 'Anna', role: 'operator', capacity: 5, openConversations: 2, senders: [{ kind: 'account', id: 1 }], presence: 'active', createdAt: 1 });
const boris = testOperator({ id: 'operator:boris', name: 'Boris', role: 'operator', capacity: 2, openConversations: 2, presence: 'away', createdAt: 2 });

function setup({ me, conversations, queues = [], before }: { me: OperatorView; conversations: ConversationView[]; queues?: QueueView[]; before?: (fake: ReturnType<typeof createFakeClient>) => void }) {
  const fake = createFakeClient();
  handleShell(fake);
  handleInbox(fake, { conversations });
  handleOperators(fake, { me, operators: [admin, anna, boris] });
  fake.handle('inbox.queues', () => ({ queues }));
  fake.handle('inbox.assign', ({ conversationId, operatorId }) => ({ ...conversations.find((c) => c.id === conversationId)!, assigneeId: operatorId }));
  before?.(fake);
  renderApp(fake);
  return fake;
}

const rowIds = () => screen.queryAllByTestId('conversation-row').map((row) => Number(row.getAttribute('data-id')));
const optionTexts = (select: HTMLElement) => [...select.querySelectorAll('option')].map((o) => o.textContent);

async function openFirst() {
  const user = userEvent.setup();
  await user.click((await screen.findAllByTestId('conversation-row'))[0]!);
  return { user, panel: await screen.findByTestId('conversation-panel') };
}

describe('the inbox of a team', () => {
  it('marks on each row whose it is when it is not the viewer’s: waiting in a queue, or a colleague’s name', async () => {
    setup({
      me: admin,
      conversations: [
        testConversation({ id: 1, title: 'Mine', assigneeId: admin.id }),
        testConversation({ id: 2, title: 'Queued', queuedSince: Date.now() - 60_000 }),
        testConversation({ id: 3, title: 'Annas', assigneeId: anna.id }),
        testConversation({ id: 4, title: 'Nobody, never queued' }),
      ],
    });
    await waitFor(() => expect(rowIds()).toHaveLength(4));
    const holderOf = (title: string) =>
      within(screen.getAllByTestId('conversation-row').find((row) => row.textContent!.includes(title))!).queryByTestId('conversation-holder')?.getAttribute('aria-label') ?? null;
    await waitFor(() => expect(holderOf('Annas')).toBe('With Anna'));
    expect(holderOf('Queued')).toBe('In queue');
    expect(holderOf('Mine')).toBeNull();
    expect(holderOf('Nobody, never queued')).toBeNull();
  });

  it('shows how many wait and the oldest wait, live and per sender, and takes the next one', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const now = Date.now();
      const waiting = testConversation({ id: 9, title: 'Waiting Wanda', queuedSince: now - 4 * 60_000 });
      const queues: QueueView[] = [
        { sender: { kind: 'account', id: 1 }, senderName: 'Sales Line', waiting: 2, oldestSince: now - 4 * 60_000 },
        { sender: { kind: 'bot', id: 7 }, senderName: '@help_bot', waiting: 1, oldestSince: now - 60_000 },
      ];
      const fake = setup({ me: anna, conversations: [waiting], queues });
      fake.handle('inbox.takeNext', () => ({ conversation: { ...waiting, assigneeId: anna.id, queuedSince: null } }));
      const indicator = await screen.findByTestId('queue-indicator');
      expect(within(indicator).getByTestId('queue-total').textContent).toBe('3 waiting');
      expect(within(indicator).getByTestId('queue-oldest').textContent).toBe('longest 4 min');
      expect(within(indicator).getAllByTestId('queue-sender').map((li) => li.textContent)).toEqual(['Sales Line2 waiting4 min', '@help_bot1 waiting1 min']);
      await act(() => vi.advanceTimersByTimeAsync(60_000));
      expect(within(indicator).getByTestId('queue-oldest').textContent).toBe('longest 5 min');

      act(() => fake.emit('inbox.queuesChanged', { queues: [{ ...queues[0]!, waiting: 1 }] }));
      expect(within(indicator).getByTestId('queue-total').textContent).toBe('1 waiting');

      fireEvent.click(within(indicator).getByTestId('take-next'));
      expect(await screen.findByTestId('chat-pane')).toBeTruthy();
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Waiting Wanda');
      expect(fake.callsOf('inbox.takeNext')).toEqual([{}]);

      // Alt+N does the same from anywhere in the inbox; an empty queue says so.
      fake.handle('inbox.takeNext', () => ({ conversation: null }));
      fireEvent.keyDown(window, { key: 'n', code: 'KeyN', altKey: true });
      expect((await screen.findByTestId('take-next-result')).textContent).toBe('Nobody is waiting in your queues.');
      expect(fake.callsOf('inbox.takeNext')).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says plainly when the role may not take from a queue', async () => {
    const fake = setup({ me: anna, conversations: [], queues: [{ sender: { kind: 'account', id: 1 }, senderName: 'Sales Line', waiting: 1, oldestSince: Date.now() }] });
    fake.handle('inbox.takeNext', () => {
      throw new DeskError('forbidden', 'not your queue');
    });
    fireEvent.click(await screen.findByTestId('take-next'));
    expect((await screen.findByTestId('take-next-result')).textContent).toBe('You may not take conversations from these queues.');
  });

  it('lets an admin give a conversation to anyone or nobody, each with presence and free capacity', async () => {
    const fake = setup({ me: admin, conversations: [testConversation({ id: 1, title: 'Anna P' })] });
    const { user, panel } = await openFirst();
    const select = within(panel).getByTestId('conversation-assign');
    await waitFor(() => expect(optionTexts(select)).toEqual(['Nobody', 'Me (Desk Admin)', 'Anna · Active · 3 of 5 free', 'Boris · Away · 0 of 2 free']));
    await user.selectOptions(select, 'operator:boris');
    expect(fake.callsOf('inbox.assign')).toEqual([{ conversationId: 1, operatorId: 'operator:boris' }]);
  });

  it('lets an operator take a queued conversation, give it back, or pass it on, and words a refusal for the role', async () => {
    const queued = testConversation({ id: 1, title: 'Queued Q' });
    const fake = setup({ me: anna, conversations: [queued] });
    const { user, panel } = await openFirst();
    expect(within(panel).queryByTestId('conversation-assign')).toBeNull();
    expect(within(panel).getByTestId('assign-holder').textContent).toBe('Waiting in the queue');
    await user.click(within(panel).getByTestId('assign-take'));
    expect(fake.callsOf('inbox.assign')).toEqual([{ conversationId: 1, operatorId: 'operator:anna' }]);
    await waitFor(() => expect(within(panel).getByTestId('assign-holder').textContent).toBe('You'));

    const pass = within(panel).getByTestId('assign-pass');
    expect(optionTexts(pass)).toEqual(['Choose…', 'Desk Admin · Active · no limit', 'Boris · Away · 0 of 2 free']);
    fake.handle('inbox.assign', () => {
      throw new DeskError('forbidden', 'operators may not reassign');
    });
    await user.selectOptions(pass, 'operator:boris');
    expect((await within(panel).findByTestId('conversation-error')).textContent).toBe(
      'Only an admin may do this on this desk: passing conversations to colleagues is turned off.',
    );

    fake.handle('inbox.assign', ({ conversationId, operatorId }) => ({ ...queued, id: conversationId, assigneeId: operatorId }));
    await user.click(within(panel).getByTestId('assign-give-back'));
    expect(fake.callsOf('inbox.assign').at(-1)).toEqual({ conversationId: 1, operatorId: null });
  });

  it('leaves making labels and saved answers to an admin, and fills {{operator}} with the operator\'s name', async () => {
    setup({
      me: anna,
      conversations: [testConversation({ id: 1, title: 'Q' })],
      before(fake) {
        fake.handle('inbox.labels', () => ({ labels: [{ id: 3, name: 'VIP', color: '#ff0000' }] }));
        fake.handle('inbox.cannedReplies', () => ({ replies: [{ id: 1, title: 'Hi', text: 'Hello, this is {{operator}}.' }] }));
      },
    });
    const { user, panel } = await openFirst();
    await within(panel).findByTestId('label-toggle');
    expect(within(panel).queryByTestId('label-name')).toBeNull();
    expect(within(panel).queryByTestId('labels-manage')).toBeNull();
    await user.type(screen.getByTestId('composer-text'), 'draft');
    await user.click(screen.getByTestId('canned-open'));
    const picker = await screen.findByTestId('canned-picker');
    await within(picker).findByTestId('canned-item');
    expect(within(picker).queryByTestId('canned-save')).toBeNull();
    expect(within(picker).queryByRole('button', { name: /Remove/ })).toBeNull();
    await user.click(within(picker).getByTestId('canned-item'));
    expect((screen.getByTestId('composer-text') as HTMLTextAreaElement).value).toContain('Hello, this is Anna.');
  });

  it('drops a conversation that changed hands away from an operator, keeps one back in their own queue', async () => {
    const mine = testConversation({ id: 1, title: 'Mine', assigneeId: anna.id, lastActivityAt: Date.now() - 1000 });
    const other = testConversation({ id: 2, title: 'Other', assigneeId: anna.id, source: { kind: 'bot', id: 7, name: '@help_bot' }, lastActivityAt: Date.now() - 2000 });
    const fake = setup({ me: anna, conversations: [mine, other] });
    await waitFor(() => expect(rowIds()).toEqual([1, 2]));
    await screen.findByTestId('presence-control');
    act(() =>
      fake.emit('inbox.assignmentChanged', {
        changes: [
          // Back in the queue of an account Anna works: still hers to take.
          { conversationId: 1, sender: { kind: 'account', id: 1 }, from: anna.id, to: null, reason: 'returned' },
          // Back in a queue of a bot she does not work: gone.
          { conversationId: 2, sender: { kind: 'bot', id: 7 }, from: anna.id, to: null, reason: 'returned' },
        ],
      }),
    );
    expect(rowIds()).toEqual([1]);
    act(() => fake.emit('inbox.assignmentChanged', { changes: [{ conversationId: 1, sender: { kind: 'account', id: 1 }, from: null, to: boris.id, reason: 'manual' }] }));
    expect(rowIds()).toEqual([]);
  });

  it('keeps every conversation for an admin, and filters by one operator', async () => {
    const user = userEvent.setup();
    const c = testConversation({ id: 1, title: 'Kept', assigneeId: anna.id });
    const fake = setup({ me: admin, conversations: [c] });
    await waitFor(() => expect(rowIds()).toEqual([1]));
    act(() => fake.emit('inbox.assignmentChanged', { changes: [{ conversationId: 1, sender: { kind: 'account', id: 1 }, from: anna.id, to: boris.id, reason: 'manual' }] }));
    expect(rowIds()).toEqual([1]);

    await user.selectOptions(await screen.findByTestId('filter-operator'), 'operator:anna');
    await waitFor(() => expect(fake.callsOf('inbox.conversations').at(-1)).toEqual({ filter: { assigneeId: 'operator:anna' }, limit: 200, offset: 0 }));
    expect(screen.getByTestId('assignee-all').getAttribute('aria-pressed')).toBe('false');
    await user.click(screen.getByTestId('assignee-mine'));
    await waitFor(() => expect(fake.callsOf('inbox.conversations').at(-1)).toEqual({ filter: { assignee: 'me' }, limit: 200, offset: 0 }));
    expect((screen.getByTestId('filter-operator') as HTMLSelectElement).value).toBe('');
  });

  it('keeps "mine" to the signed-in operator when a change arrives live', async () => {
    const user = userEvent.setup();
    const c = testConversation({ id: 1, title: 'Q' });
    const fake = setup({ me: anna, conversations: [c] });
    await screen.findByTestId('presence-control');
    await user.click(screen.getByTestId('assignee-mine'));
    await waitFor(() => expect(fake.callsOf('inbox.conversations').at(-1)).toMatchObject({ filter: { assignee: 'me' } }));
    act(() => fake.emit('inbox.conversationsChanged', { conversations: [{ ...c, assigneeId: 'operator:local' }] }));
    await waitFor(() => expect(rowIds()).toEqual([]));
    act(() => fake.emit('inbox.conversationsChanged', { conversations: [{ ...c, assigneeId: anna.id, lastActivityAt: Date.now() }] }));
    await waitFor(() => expect(rowIds()).toContain(1));
  });
});
