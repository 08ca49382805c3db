import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { chatKeyOf } from './peers';
import { translateUpdate } from './update';

const source = { botId: 3, telegramBotId: 900 };
const alice = { id: 42, is_bot: false, first_name: 'Alice', last_name: 'Doe', username: 'alice' };

describe('Bot API updates → desk values', () => {
  it('gives chats the same keys MTProto ids give them', () => {
    expect(chatKeyOf({ id: 42, type: 'private' })).toBe('user:42');
    expect(chatKeyOf({ id: -45, type: 'group' })).toBe('chat:45');
    expect(chatKeyOf({ id: -1_000_000_000_678, type: 'supergroup' })).toBe('channel:678');
    expect(chatKeyOf({ id: -1_000_000_000_679, type: 'channel' })).toBe('channel:679');
  });

  it('turns a private text message into a plain incoming message and two entities', () => {
    const update = { update_id: 1, message: { message_id: 7, date: 100, chat: { id: 42, type: 'private', first_name: 'Alice', last_name: 'Doe' }, from: alice, text: 'hi' } } as Update;
    const out = translateUpdate(update, source);
    expect(out.messages).toEqual([
      {
        source: { kind: 'bot', id: 3 },
        chatKey: 'user:42',
        chatTitle: 'Alice Doe',
        telegramMessageId: 7,
        senderId: 42,
        senderName: 'Alice Doe',
        date: 100_000,
        text: 'hi',
        mediaKind: null,
        outgoing: false,
        chatKind: 'private',
        replyToTelegramId: null,
        media: null,
        editedAt: null,
      },
    ]);
    expect(out.entities.map((e) => [e.peerType, e.peerId, e.username])).toEqual([
      ['user', 42, null],
      ['user', 42, 'alice'],
    ]);
    expect(JSON.stringify(out)).not.toContain('update_id');
  });

  it('reads a captioned photo in a group, and a channel post signed by the channel', () => {
    const photo = translateUpdate(
      { update_id: 2, message: { message_id: 8, date: 1, chat: { id: -45, type: 'group', title: 'Team' }, from: alice, photo: [{ file_id: 'f', file_unique_id: 'u', width: 1, height: 1 }], caption: 'look' } } as Update,
      source,
    );
    expect(photo.messages[0]).toMatchObject({ chatKey: 'chat:45', chatTitle: 'Team', text: 'look', mediaKind: 'photo', media: { kind: 'photo', width: 1, remote: { via: 'bot', fileId: 'f' } } });
    const post = translateUpdate(
      { update_id: 3, channel_post: { message_id: 9, date: 1, chat: { id: -1_000_000_000_678, type: 'channel', title: 'News' }, sender_chat: { id: -1_000_000_000_678, type: 'channel', title: 'News' }, text: 'out now' } } as Update,
      source,
    );
    expect(post.messages[0]).toMatchObject({ chatKey: 'channel:678', senderId: null, senderName: 'News', text: 'out now' });
  });

  it('marks the bot’s own messages outgoing', () => {
    const own = translateUpdate(
      { update_id: 4, message: { message_id: 10, date: 1, chat: { id: -45, type: 'group', title: 'Team' }, from: { id: 900, is_bot: true, first_name: 'Desk' }, text: 'x' } } as Update,
      source,
    );
    expect(own.messages[0]!.outgoing).toBe(true);
  });

  it('keeps only the people and chats of a membership change, and nothing of unknown updates', () => {
    const member = { user: { id: 900, is_bot: true, first_name: 'Desk' }, status: 'member' };
    const change = translateUpdate(
      { update_id: 5, my_chat_member: { chat: { id: -45, type: 'group', title: 'Team' }, from: alice, date: 1, old_chat_member: { ...member, status: 'left' }, new_chat_member: member } } as Update,
      source,
    );
    expect(change.messages).toEqual([]);
    expect(change.entities.map((e) => `${e.peerType}:${e.peerId}`)).toEqual(['chat:45', 'user:42', 'user:900']);
    expect(translateUpdate({ update_id: 6, poll_answer: { poll_id: 'p', option_ids: [0], user: alice } } as Update, source)).toEqual({ messages: [], edits: [], entities: [] });
  });

  it('carries edits apart from new messages, with the reply they answer', () => {
    const chat = { id: 42, type: 'private', first_name: 'Alice' };
    const edited = translateUpdate(
      { update_id: 7, edited_message: { message_id: 11, date: 1, edit_date: 5, chat, from: alice, text: 'fixed', reply_to_message: { message_id: 3, date: 1, chat } } } as Update,
      source,
    );
    expect(edited.messages).toEqual([]);
    expect(edited.edits).toMatchObject([{ telegramMessageId: 11, text: 'fixed', editedAt: 5000, replyToTelegramId: 3 }]);
  });
});
