import type { Message, Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { commandOf, translateBotUpdate } from './inbound';

const bot = { botId: 3, telegramBotId: 900, username: 'Desk_Bot' };
const alice = { id: 42, is_bot: false, first_name: 'Alice', last_name: 'Doe', username: 'alice', language_code: 'ru' };
const group = { id: -45, type: 'group' as const, title: 'Team' };
const command = (text: string, length: number, offset = 0): Pick<Message, 'text' | 'entities'> => ({ text, entities: [{ type: 'bot_command', offset, length }] });

describe('Bot API updates → inbound batches', () => {
  it('reads the command a message starts with, for this bot only', () => {
    expect(commandOf(command('/done@desk_bot 12', 14), bot.username)).toEqual({ name: 'done', args: '12' });
    expect(commandOf(command('/done  12 and more ', 5), bot.username)).toEqual({ name: 'done', args: '12 and more' });
    expect(commandOf(command('/start', 6), bot.username)).toEqual({ name: 'start', args: '' });
    expect(commandOf(command('/done@other_bot 12', 15), bot.username)).toBeNull();
    expect(commandOf(command('see /done', 5, 4), bot.username)).toBeNull();
    expect(commandOf({ text: '/done 12' }, bot.username)).toBeNull();
    expect(commandOf({ caption: '/proof 7', caption_entities: [{ type: 'bot_command', offset: 0, length: 6 }] }, bot.username)).toEqual({ name: 'proof', args: '7' });
  });

  it('gives a message its sender in full (language included) and its command; an edit runs no command', () => {
    const fresh = translateBotUpdate({ update_id: 1, message: { message_id: 7, date: 100, chat: group, from: alice, ...command('/done@desk_bot 12', 14) } } as Update, bot);
    expect(fresh.changes.messages).toMatchObject([
      { chatKey: 'chat:45', text: '/done@desk_bot 12', sender: { userId: 42, firstName: 'Alice', lastName: 'Doe', username: 'alice', languageCode: 'ru' }, command: { name: 'done', args: '12' } },
    ]);
    const edited = translateBotUpdate({ update_id: 2, edited_message: { message_id: 7, date: 100, edit_date: 101, chat: group, from: alice, ...command('/done 13', 5) } } as Update, bot);
    expect(edited.changes.messages).toEqual([]);
    expect(edited.changes.edits).toMatchObject([{ text: '/done 13', command: null, sender: { userId: 42 } }]);
    const noLanguage = translateBotUpdate({ update_id: 3, message: { message_id: 8, date: 1, chat: group, from: { id: 43, is_bot: false, first_name: 'Bo' }, text: 'hi' } } as Update, bot);
    expect(noLanguage.changes.messages[0]).toMatchObject({ sender: { userId: 43, lastName: null, username: null, languageCode: null }, command: null });
  });

  it('reads a button press with the chat and message it was under', () => {
    const out = translateBotUpdate(
      { update_id: 4, callback_query: { id: 'cq1', from: alice, chat_instance: 'ci', data: 'rw:7', message: { message_id: 55, date: 1, chat: { id: 42, type: 'private', first_name: 'Alice' } } } } as Update,
      bot,
    );
    expect(out.changes.callbacks).toEqual([{ id: 'cq1', from: { userId: 42, firstName: 'Alice', lastName: 'Doe', username: 'alice', languageCode: 'ru' }, chatKey: 'user:42', telegramMessageId: 55, data: 'rw:7' }]);
    const inline = translateBotUpdate({ update_id: 5, callback_query: { id: 'cq2', from: alice, chat_instance: 'ci', inline_message_id: 'im' } } as Update, bot);
    expect(inline.changes.callbacks[0]).toMatchObject({ chatKey: null, telegramMessageId: null, data: null });
  });

  it('reads joins and leaves (chat_member) and the bot’s own membership (my_chat_member)', () => {
    const supergroup = { id: -1_000_000_000_678, type: 'supergroup' as const, title: 'Club' };
    const admin = { id: 7, is_bot: false, first_name: 'Admin' };
    const joined = translateBotUpdate(
      {
        update_id: 6,
        chat_member: {
          chat: supergroup,
          from: alice,
          date: 50,
          old_chat_member: { status: 'left', user: alice },
          new_chat_member: { status: 'member', user: alice },
          invite_link: { invite_link: 'https://t.me/+abc', creator: admin, creates_join_request: false, is_primary: false, is_revoked: false },
        },
      } as Update,
      bot,
    );
    expect(joined.changes.members).toEqual([{ chatKey: 'channel:678', chatTitle: 'Club', userId: 42, from: 'left', to: 'member', byUserId: 42, inviteLink: 'https://t.me/+abc', date: 50_000 }]);
    const removed = translateBotUpdate(
      {
        update_id: 7,
        chat_member: {
          chat: supergroup,
          from: admin,
          date: 51,
          old_chat_member: { status: 'restricted', user: alice, is_member: true, until_date: 0 },
          new_chat_member: { status: 'kicked', user: alice, until_date: 0 },
        },
      } as Update,
      bot,
    );
    expect(removed.changes.members).toMatchObject([{ userId: 42, from: 'restricted', to: 'kicked', byUserId: 7, inviteLink: null }]);
    const restrictedAway = translateBotUpdate(
      { update_id: 8, chat_member: { chat: supergroup, from: alice, date: 52, old_chat_member: { status: 'member', user: alice }, new_chat_member: { status: 'restricted', user: alice, is_member: false, until_date: 0 } } } as Update,
      bot,
    );
    expect(restrictedAway.changes.members[0]).toMatchObject({ from: 'member', to: 'left' });

    const me = { id: 900, is_bot: true, first_name: 'Desk' };
    const promoted = translateBotUpdate(
      { update_id: 9, my_chat_member: { chat: group, from: admin, date: 60, old_chat_member: { status: 'member', user: me }, new_chat_member: { status: 'administrator', user: me } } } as Update,
      bot,
    );
    expect(promoted.changes.botMemberships).toEqual([{ chatKey: 'chat:45', chatTitle: 'Team', from: 'member', to: 'admin', byUserId: 7, date: 60_000 }]);
    expect(promoted.changes.members).toEqual([]);
    const blocked = translateBotUpdate(
      { update_id: 10, my_chat_member: { chat: { id: 42, type: 'private', first_name: 'Alice' }, from: alice, date: 61, old_chat_member: { status: 'member', user: me }, new_chat_member: { status: 'kicked', user: me, until_date: 0 } } } as Update,
      bot,
    );
    expect(blocked.changes.botMemberships[0]).toMatchObject({ chatKey: 'user:42', chatTitle: 'Alice', from: 'member', to: 'kicked', byUserId: 42 });
  });
});
