import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../../../shared/domain/inbox';
import { createFakeClient } from '../../../test/fake-client';
import { handleShell } from '../../../test/fixtures';
import { handleInbox, testConversation, testMessage } from '../../../test/inbox-fixtures';
import { stubLayoutForEachTest } from '../../../test/layout';
import { renderApp } from '../../../test/render-app';

stubLayoutForEachTest();

const delivery = (id: number) => within(screen.getAllByTestId('message').find((m) => m.getAttribute('data-id') === String(id))!).getByTestId('message-delivery');

describe('delivery status', () => {
  it('shows a sent reply as read once the other side has read it', async () => {
    const reply = (id: number, readByRecipient: boolean): ChatMessage =>
      testMessage({ id, outgoing: true, senderName: 'Desk', outboxId: 100 + id, delivery: { state: 'sent' }, readByRecipient, text: `reply ${id}`, date: Date.now() - 1000 + id });
    const user = userEvent.setup();
    const fake = createFakeClient();
    handleShell(fake);
    handleInbox(fake, { conversations: [testConversation()], messages: [reply(1, true), reply(2, false)] });
    renderApp(fake);
    await user.click(await screen.findByTestId('conversation-row'));
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(2));

    expect(delivery(1).getAttribute('data-read')).toBe('true');
    expect(delivery(1).textContent).toContain('Read');
    expect(delivery(2).getAttribute('data-read')).toBe('false');
    expect(delivery(2).textContent).toContain('Sent');

    act(() => fake.emit('inbox.messagesChanged', { messages: [reply(2, true)] }));
    expect(delivery(2).getAttribute('data-read')).toBe('true');
    expect(delivery(2).textContent).toContain('Read');
  });
});
