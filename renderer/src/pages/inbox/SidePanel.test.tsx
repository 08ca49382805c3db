import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeClient } from '../../test/fake-client';
import { handleShell } from '../../test/fixtures';
import { handleInbox, testConversation } from '../../test/inbox-fixtures';
import { stubLayout } from '../../test/layout';
import { renderApp } from '../../test/render-app';

/** A window whose width can change: `matchMedia` answers for it and tells its listeners. */
function stubWindowWidth(width: number) {
  const listeners = new Set<() => void>();
  let current = width;
  // Only widths are answered; anything else (the dark-theme query) does not match.
  const matches = (query: string) => {
    const min = /min-width:\s*(\d+)px/.exec(query);
    return min !== null && current >= Number(min[1]);
  };
  window.matchMedia = (query: string) =>
    ({
      get matches() {
        return matches(query);
      },
      media: query,
      addEventListener: (_: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
    }) as unknown as MediaQueryList;
  return (next: number) => {
    current = next;
    act(() => listeners.forEach((listener) => listener()));
  };
}

let restoreLayout: () => void;
const originalMatchMedia = window.matchMedia;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(() => {
  cleanup();
  restoreLayout();
  window.matchMedia = originalMatchMedia;
});

async function openChat() {
  const user = userEvent.setup();
  const fake = createFakeClient();
  handleShell(fake);
  handleInbox(fake, { conversations: [testConversation({ id: 1, title: 'Anna' })] });
  renderApp(fake);
  await user.click(await screen.findByTestId('conversation-row'));
  await screen.findByTestId('chat-pane');
  return user;
}

const toggle = () => screen.getByTestId('side-toggle');
const panel = () => screen.queryByRole('complementary', { name: 'About this conversation' });
const inbox = () => screen.getByTestId('inbox');

describe('the conversation panel', () => {
  it('is a column beside the chat in a wide window, and the toggle hides and shows it', async () => {
    stubWindowWidth(1440);
    const user = await openChat();
    expect(inbox().getAttribute('data-side')).toBe('docked');
    expect(panel()).not.toBeNull();
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    await user.click(toggle());
    expect(panel()).toBeNull();
    expect(inbox().getAttribute('data-side')).toBe('hidden');
    await user.click(toggle());
    expect(panel()).not.toBeNull();
  });

  it('is a drawer in a narrow window: closed at first, opened by the toggle, closed by Esc', async () => {
    stubWindowWidth(1100);
    const user = await openChat();
    expect(panel()).toBeNull();
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(toggle().getAttribute('aria-controls')).toBeTruthy();

    await user.click(toggle());
    expect(inbox().getAttribute('data-side')).toBe('drawer');
    expect(panel()!.id).toBe(toggle().getAttribute('aria-controls'));
    await waitFor(() => expect(panel()!.contains(document.activeElement)).toBe(true));
    expect(toggle().getAttribute('aria-expanded')).toBe('true');

    await user.keyboard('{Escape}');
    expect(panel()).toBeNull();
    expect(document.activeElement).toBe(toggle());
  });

  it('lies over the conversation list, which cannot be reached behind it, and has its own close button', async () => {
    stubWindowWidth(900);
    const user = await openChat();
    await user.click(toggle());
    expect(screen.getByTestId('conversation-list').closest('[inert]')).not.toBeNull();
    expect(screen.getByTestId('chat-pane').closest('[inert]')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Close the panel' }));
    expect(panel()).toBeNull();
    expect(screen.getByTestId('conversation-list').closest('[inert]')).toBeNull();
    expect(document.activeElement).toBe(toggle());
  });

  it('leaves Esc to a field that uses it, such as the search box', async () => {
    stubWindowWidth(900);
    const user = await openChat();
    await user.click(toggle());
    await user.type(screen.getByTestId('search-input'), 'order');
    await user.keyboard('{Escape}');
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('');
    expect(panel()).not.toBeNull();
  });

  it('keeps the drawer open on Esc in a field holding a draft, which closing would lose', async () => {
    stubWindowWidth(900);
    const user = await openChat();
    await user.click(toggle());
    await user.type(screen.getByTestId('note-text'), 'Called back');
    await user.keyboard('{Escape}');
    expect(panel()).not.toBeNull();
    expect((screen.getByTestId('note-text') as HTMLTextAreaElement).value).toBe('Called back');
    await user.clear(screen.getByTestId('note-text'));
    await user.keyboard('{Escape}');
    expect(panel()).toBeNull();
  });

  it('follows the window when it is narrowed or widened', async () => {
    const resize = stubWindowWidth(1440);
    await openChat();
    expect(panel()).not.toBeNull();
    resize(1000);
    expect(panel()).toBeNull();
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    resize(1440);
    expect(inbox().getAttribute('data-side')).toBe('docked');
    expect(panel()).not.toBeNull();
  });
});
