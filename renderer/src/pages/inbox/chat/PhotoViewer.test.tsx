import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeClient } from '../../../test/fake-client';
import { handleShell } from '../../../test/fixtures';
import { handleInbox, testConversation, testMessage } from '../../../test/inbox-fixtures';
import { stubLayoutForEachTest } from '../../../test/layout';
import { renderApp } from '../../../test/render-app';

stubLayoutForEachTest();
beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:photo-1');
  URL.revokeObjectURL = vi.fn();
});

describe('a photo in the chat', () => {
  it('opens full size with a button to save it, and closes with Escape', async () => {
    const user = userEvent.setup();
    const fake = createFakeClient();
    handleShell(fake);
    handleInbox(fake, {
      conversations: [testConversation()],
      messages: [
        testMessage({
          id: 1,
          text: '',
          date: new Date(2025, 11, 3, 10, 17).getTime(),
          media: { kind: 'photo', mimeType: 'image/jpeg', fileName: null, size: 68, width: 1600, height: 1200, duration: null, download: 'done', progress: null },
        }),
      ],
    });
    fake.handle('inbox.media', () => ({ dataUrl: 'data:image/jpeg;base64,/9j/4AAQ', mimeType: 'image/jpeg' }));
    renderApp(fake);
    await user.click(await screen.findByTestId('conversation-row'));
    const media = await screen.findByTestId('message-media');
    await waitFor(() => expect(within(media).getByRole('img').getAttribute('src')).toBe('blob:photo-1'));

    await user.click(within(media).getByTestId('photo-open'));
    const viewer = await screen.findByTestId('photo-viewer');
    expect(within(viewer).getByRole('img').getAttribute('src')).toBe('blob:photo-1');
    const save = within(viewer).getByTestId('photo-save');
    expect(save.getAttribute('href')).toBe('blob:photo-1');
    // A photo Telegram sent without a name is saved under one that says what and when.
    expect(save.getAttribute('download')).toBe('photo-2025-12-03-1017.jpg');

    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('photo-viewer')).toBeNull();
    expect(document.activeElement).toBe(within(media).getByTestId('photo-open'));
  });
});
