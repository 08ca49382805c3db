import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OWN_SERVER_BOT_FILE_LIMITS } from '../../../../../shared/domain/bot-endpoints';
import { ATTACHMENT_CHUNK_BYTES } from '../../../../../shared/domain/inbox';
import { createFakeClient } from '../../../test/fake-client';
import { handleConnections, handleShell, testBot } from '../../../test/fixtures';
import { handleInbox, testConversation, testMessage } from '../../../test/inbox-fixtures';
import { stubLayoutForEachTest } from '../../../test/layout';
import { renderApp } from '../../../test/render-app';

stubLayoutForEachTest();

describe('composer: a bot behind its own Bot API server', () => {
  it('takes a file over 50 MB up to that server\'s 2,000 MB, and still refuses more', async () => {
    const user = userEvent.setup();
    const fake = createFakeClient();
    handleShell(fake);
    handleInbox(fake, { conversations: [testConversation({ source: { kind: 'bot', id: 2, name: '@desk_bot' } })], messages: [testMessage({ id: 1, text: 'hi' })] });
    handleConnections(fake, { bots: [testBot({ id: 2, apiServer: 'http://127.0.0.1:8081', fileLimits: OWN_SERVER_BOT_FILE_LIMITS })] });
    fake.handle('inbox.attachmentStart', () => ({ attachmentId: 'att-1', chunkBytes: ATTACHMENT_CHUNK_BYTES }));
    renderApp(fake);
    await user.click((await screen.findAllByTestId('conversation-row'))[0]!);

    const file = (size: number) => {
      const f = new File(['x'], 'film.mp4', { type: 'video/mp4' });
      Object.defineProperty(f, 'size', { value: size });
      return f;
    };
    await user.upload(screen.getByTestId('composer-file'), file(2001 * 1024 * 1024));
    expect((await screen.findByTestId('composer-error')).textContent).toContain('too large for a bot: 2 GB at most');
    await user.upload(screen.getByTestId('composer-file'), file(60 * 1024 * 1024));
    await waitFor(() => expect(fake.callsOf('inbox.attachmentStart')).toEqual([{ conversationId: 1, fileName: 'film.mp4', mimeType: 'video/mp4', size: 60 * 1024 * 1024 }]));
  });
});
