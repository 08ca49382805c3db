import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../../shared/contract/result';
import { ATTACHMENT_CHUNK_BYTES } from '../../../../../shared/domain/inbox';
import { testConversation, testMessage } from '../../../test/inbox-fixtures';
import { stubLayoutForEachTest } from '../../../test/layout';
import { openChat } from '../../../test/open-chat';

stubLayoutForEachTest();

const text = () => screen.getByTestId('composer-text') as HTMLTextAreaElement;

describe('composer', () => {
  it('sends with Enter, breaks lines with Shift+Enter, and shows the queued message', async () => {
    const { user, fake } = await openChat(undefined, (engine) =>
      engine.handle('inbox.reply', ({ text: t }) => testMessage({ id: 2, text: t, outgoing: true, outboxId: 7, delivery: { state: 'queued' }, date: Date.now() })),
    );
    await user.type(text(), 'first line{Shift>}{Enter}{/Shift}second line');
    expect(text().value).toBe('first line\nsecond line');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.callsOf('inbox.reply')).toEqual([{ conversationId: 1, text: 'first line\nsecond line' }]));
    await waitFor(() => expect(text().value).toBe(''));
    const sent = (await screen.findAllByTestId('message')).find((m) => m.getAttribute('data-id') === '2')!;
    expect(sent.getAttribute('data-delivery')).toBe('queued');
    expect(within(sent).getByTestId('message-delivery').textContent).toContain('Queued');
  });

  it('keeps the text and shows why when the engine refuses, and sends a reply-to with Ctrl+Enter', async () => {
    const { user, fake } = await openChat(undefined, (engine) =>
      engine.handle('inbox.reply', () => {
        throw new DeskError('forbidden', 'The account left this chat');
      }),
    );
    await user.click(await screen.findByTestId('message-reply'));
    expect(screen.getByTestId('composer-reply').textContent).toContain('hi there');
    await user.type(text(), 'are you there?');
    await user.keyboard('{Control>}{Enter}{/Control}');
    const error = await screen.findByTestId('composer-error');
    expect(error.textContent).toContain('The account left this chat');
    expect(text().value).toBe('are you there?');
    expect(fake.callsOf('inbox.reply')).toEqual([{ conversationId: 1, text: 'are you there?', replyToId: 1 }]);
    expect(screen.getByTestId('composer-reply')).toBeTruthy();
  });

  it('refuses a file too large for a bot before uploading anything', async () => {
    const { user, fake } = await openChat([testConversation({ source: { kind: 'bot', id: 2, name: '@desk_bot' } })]);
    const file = new File(['x'], 'video.mp4', { type: 'video/mp4' });
    Object.defineProperty(file, 'size', { value: 51 * 1024 * 1024 });
    await user.upload(screen.getByTestId('composer-file'), file);
    expect((await screen.findByTestId('composer-error')).textContent).toContain('too large for a bot: 50 MB at most');
    expect(fake.callsOf('inbox.attachmentStart')).toEqual([]);
    expect(screen.queryByTestId('composer-attachment')).toBeNull();
  });

  it('uploads an attachment in order, chunk by chunk, then sends it', async () => {
    const bytes = new Uint8Array(ATTACHMENT_CHUNK_BYTES * 2 + 10).map((_, i) => i % 251);
    const received: { index: number; bytes: number[] }[] = [];
    const { user, fake } = await openChat(undefined, (engine) => {
      engine.handle('inbox.attachmentStart', () => ({ attachmentId: 'att-1', chunkBytes: ATTACHMENT_CHUNK_BYTES }));
      let total = 0;
      engine.handle('inbox.attachmentChunk', ({ index, base64 }) => {
        const chunk = [...atob(base64)].map((c) => c.charCodeAt(0));
        received.push({ index, bytes: chunk });
        total += chunk.length;
        return { received: total };
      });
      engine.handle('inbox.attachmentFinish', () => ({ attachmentId: 'att-1', kind: 'document' as const }));
      engine.handle('inbox.reply', () => testMessage({ id: 3, outgoing: true, text: '', date: Date.now() }));
    });
    await user.upload(screen.getByTestId('composer-file'), new File([bytes], 'report.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(screen.getByTestId('composer-attachment').getAttribute('data-state')).toBe('ready'));
    expect(fake.callsOf('inbox.attachmentStart')).toEqual([{ conversationId: 1, fileName: 'report.pdf', mimeType: 'application/pdf', size: bytes.length }]);
    expect(received.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(received.map((r) => r.bytes.length)).toEqual([ATTACHMENT_CHUNK_BYTES, ATTACHMENT_CHUNK_BYTES, 10]);
    expect(received.flatMap((r) => r.bytes)).toEqual([...bytes]);
    expect(fake.callsOf('inbox.attachmentFinish')).toEqual([{ attachmentId: 'att-1' }]);
    await user.click(screen.getByTestId('composer-send'));
    await waitFor(() => expect(fake.callsOf('inbox.reply')).toEqual([{ conversationId: 1, text: '', attachmentId: 'att-1' }]));
    await waitFor(() => expect(screen.queryByTestId('composer-attachment')).toBeNull());
  });

  it('attaches a pasted image and a file dropped on the chat', async () => {
    const { fake } = await openChat(undefined, (engine) => engine.handle('inbox.attachmentStart', () => ({ attachmentId: 'att-2', chunkBytes: ATTACHMENT_CHUNK_BYTES })));
    const image = new File(['png'], 'image.png', { type: 'image/png' });
    fireEvent.paste(text(), { clipboardData: { files: [image], types: ['Files'] } });
    await waitFor(() => expect(fake.callsOf('inbox.attachmentStart')).toEqual([{ conversationId: 1, fileName: 'image.png', mimeType: 'image/png', size: 3 }]));

    const pane = screen.getByTestId('chat-pane');
    const dropped = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    fireEvent.dragOver(pane, { dataTransfer: { types: ['Files'], files: [] } });
    expect(pane.getAttribute('data-dragging')).toBe('true');
    fireEvent.drop(pane, { dataTransfer: { types: ['Files'], files: [dropped] } });
    await waitFor(() => expect(fake.callsOf('inbox.attachmentStart')).toHaveLength(2));
    expect(fake.callsOf('inbox.attachmentStart')[1]).toEqual({ conversationId: 1, fileName: 'notes.txt', mimeType: 'text/plain', size: 5 });
    expect(pane.getAttribute('data-dragging')).toBeNull();
  });

  it('inserts a canned reply with its variables filled, and keeps drafts per conversation', async () => {
    const { user } = await openChat([testConversation({ id: 1, title: 'Anna Petrova' }), testConversation({ id: 2, title: 'Boris', lastActivityAt: 0 })], (engine) =>
      engine.handle('inbox.cannedReplies', () => ({ replies: [{ id: 1, title: 'Greeting', text: 'Hello {{first_name}}! {{operator}} here. {{unknown}}' }] })),
    );
    await user.click(screen.getByTestId('canned-open'));
    const picker = await screen.findByTestId('canned-picker');
    await user.click(await within(picker).findByTestId('canned-item'));
    expect(text().value).toBe('Hello Anna! This desk here. {{unknown}}');

    await user.click(screen.getAllByTestId('conversation-row')[1]!);
    await waitFor(() => expect(text().value).toBe(''));
    await user.type(text(), 'for Boris');
    await user.click(screen.getAllByTestId('conversation-row')[0]!);
    await waitFor(() => expect(text().value).toBe('Hello Anna! This desk here. {{unknown}}'));
  });
});
