import { describe, expect, it } from 'vitest';
import { createFakeClient } from '../test/fake-client';
import { trackAwayTitle } from './away-title';

describe('away title', () => {
  it('counts incoming messages while hidden and clears when the window is seen again', () => {
    const fake = createFakeClient();
    let visibility: DocumentVisibilityState = 'hidden';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    document.title = 'Telegram Operator Desk';
    const stop = trackAwayTitle(fake.client);
    const message = (outgoing: boolean) => ({ id: 1, source: { kind: 'bot' as const, id: 1 }, chatKey: 'user:1', chatTitle: 'A', telegramMessageId: 1, senderId: 1, senderName: 'A', date: 0, text: 'hi', mediaKind: null, outgoing });
    fake.emit('messages.received', { messages: [message(false), message(false), message(true)] });
    expect(document.title).toBe('(2) Telegram Operator Desk');
    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(document.title).toBe('Telegram Operator Desk');
    fake.emit('messages.received', { messages: [message(false)] });
    expect(document.title).toBe('Telegram Operator Desk');
    stop();
  });
});
