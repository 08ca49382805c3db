import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeClient } from '../../../test/fake-client';
import { handleShell } from '../../../test/fixtures';
import { handleInbox, testConversation, testHistory } from '../../../test/inbox-fixtures';
import { stubLayoutForEachTest } from '../../../test/layout';
import { renderApp } from '../../../test/render-app';
import { snippetParts } from './snippet';

stubLayoutForEachTest();

describe('search', () => {
  it('splits a snippet at the engine’s markers', () => {
    expect(snippetParts('a \u0001cat\u0002 and a \u0001dog\u0002')).toEqual([
      { text: 'a ', match: false },
      { text: 'cat', match: true },
      { text: ' and a ', match: false },
      { text: 'dog', match: true },
    ]);
    expect(snippetParts('plain')).toEqual([{ text: 'plain', match: false }]);
  });

  it('highlights the matches and opens the chat at an old message, lit up', async () => {
    const user = userEvent.setup();
    const fake = createFakeClient();
    handleShell(fake);
    // Message 10 of 200 is three pages back: the chat pages older history until it is loaded.
    handleInbox(fake, { conversations: [testConversation({ id: 1, title: 'Anna Petrova' })], messages: testHistory(200) });
    fake.handle('inbox.search', () => ({
      hits: [{ messageId: 10, conversationId: 1, conversationTitle: 'Anna Petrova', senderName: 'Anna Petrova', date: Date.now() - 86_400_000, snippet: 'the \u0001invoice\u0002 is late' }],
    }));
    renderApp(fake);
    await screen.findByTestId('conversation-row');
    await user.type(screen.getByTestId('search-input'), 'invoice');
    const hit = await screen.findByTestId('search-hit');
    expect(fake.callsOf('inbox.search')).toEqual([{ query: 'invoice' }]);
    expect(within(hit).getByText('invoice').tagName).toBe('MARK');
    expect(hit.textContent).toContain('the invoice is late');

    await user.click(hit);
    const found = await waitFor(() => {
      const el = screen.getAllByTestId('message').find((m) => m.getAttribute('data-id') === '10');
      expect(el).toBeTruthy();
      return el!;
    });
    await waitFor(() => expect(found.getAttribute('data-highlighted')).toBe('true'));
    expect(fake.callsOf('inbox.messages').map((c) => (c as { beforeId?: number }).beforeId)).toEqual([undefined, 151, 101, 51]);
    expect(fake.callsOf('inbox.markRead')).toEqual([{ conversationId: 1 }]);
  });

  it('says when nothing is found, and Escape goes back to the list', async () => {
    const user = userEvent.setup();
    const fake = createFakeClient();
    handleShell(fake);
    handleInbox(fake, { conversations: [testConversation()] });
    fake.handle('inbox.search', () => ({ hits: [] }));
    renderApp(fake);
    await screen.findByTestId('conversation-row');
    await user.type(screen.getByTestId('search-input'), 'nothing');
    expect((await screen.findByTestId('search-empty')).textContent).toContain('Nothing found for “nothing”.');
    await user.keyboard('{Escape}');
    expect(await screen.findByTestId('conversation-row')).toBeTruthy();
  });
});
