import bigInt from 'big-integer';
import { Api } from 'telegram';
import { describe, expect, it } from 'vitest';
import { translateChannelDifference, translateDifference } from './difference';
import { translateEntities, type TelegramEntity } from './entities';
import { translateMessage, type TranslateContext } from './messages';
import { translateSentCode } from './sign-in';
import { translateUpdates } from './updates';

const anna = new Api.User({ id: bigInt(501), accessHash: bigInt('-4611686018427387905'), firstName: 'Anna', lastName: 'K', username: 'anna', phone: '4915123456789' });
const channel = new Api.Channel({ id: bigInt(900), accessHash: bigInt(77), title: 'News', photo: new Api.ChatPhotoEmpty(), date: 1 });
const group = new Api.Chat({ id: bigInt(300), title: 'Team', photo: new Api.ChatPhotoEmpty(), participantsCount: 3, date: 1, version: 1 });
const known = translateEntities([anna], [channel, group]);
const ctx: TranslateContext = { selfId: 42, entity: (type, id) => known.find((e) => e.peerType === type && e.peerId === id) };
const nobody: TranslateContext = { selfId: 42, entity: () => undefined };
const user = (id: bigInt.BigInteger) => new Api.PeerUser({ userId: id });

describe('MTProto translation', () => {
  it('turns users and chats into plain entities, access hashes as strings', () => {
    expect(known).toEqual<TelegramEntity[]>([
      { peerType: 'user', peerId: 501, accessHash: '-4611686018427387905', username: 'anna', phone: '+4915123456789', firstName: 'Anna', lastName: 'K', title: null, isBot: false },
      { peerType: 'channel', peerId: 900, accessHash: '77', username: null, phone: null, firstName: null, lastName: null, title: 'News', isBot: false },
      { peerType: 'chat', peerId: 300, accessHash: null, username: null, phone: null, firstName: null, lastName: null, title: 'Team', isBot: false },
    ]);
    const min = new Api.User({ id: bigInt(7), min: true, accessHash: bigInt(5), firstName: 'Min' });
    expect(translateEntities([min], [])[0]!.accessHash).toBeNull();
  });

  it('reads text, sender, chat, date in ms and media kind of a message', () => {
    const voice = new Api.MessageMediaDocument({
      document: new Api.Document({ id: bigInt(1), accessHash: bigInt(1), fileReference: Buffer.alloc(0), date: 1, mimeType: 'audio/ogg', size: bigInt(1), dcId: 2, attributes: [new Api.DocumentAttributeAudio({ duration: 3, voice: true })] }),
    });
    const message = new Api.Message({ id: 9, peerId: user(anna.id), date: 1_700_000_000, message: 'hi', media: voice });
    expect(translateMessage(message, ctx)).toEqual({
      chatKey: 'user:501', chatTitle: 'Anna K', telegramMessageId: 9, senderId: 501, senderName: 'Anna K', date: 1_700_000_000_000, text: 'hi', mediaKind: 'voice', outgoing: false,
      chatKind: 'private', replyToTelegramId: null, editedAt: null,
      media: { kind: 'voice', mimeType: 'audio/ogg', fileName: null, size: 1, width: null, height: null, duration: 3, remote: { via: 'mtproto', type: 'document', id: '1', accessHash: '1', fileReference: '', dcId: 2 } },
    });
    const post = new Api.Message({ id: 3, peerId: new Api.PeerChannel({ channelId: channel.id }), date: 1, message: 'post', post: true, media: new Api.MessageMediaPhoto({}) });
    expect(translateMessage(post, ctx)).toMatchObject({ chatKey: 'channel:900', chatKind: 'channel', senderId: null, senderName: 'News', mediaKind: 'photo' });
    expect(translateMessage(new Api.MessageService({ id: 4, peerId: user(anna.id), date: 1, action: new Api.MessageActionEmpty() }), ctx)).toBeNull();
  });

  it('keeps the account pts sequence apart from channel updates and expands compact forms', () => {
    const batch = translateUpdates(
      new Api.Updates({
        updates: [
          new Api.UpdateReadHistoryInbox({ peer: user(anna.id), maxId: 1, stillUnreadCount: 0, pts: 11, ptsCount: 1 }),
          new Api.UpdateNewChannelMessage({ message: new Api.Message({ id: 5, peerId: new Api.PeerChannel({ channelId: channel.id }), date: 1, message: 'c' }), pts: 400, ptsCount: 1 }),
          new Api.UpdateUserTyping({ userId: anna.id, action: new Api.SendMessageTypingAction() }),
        ],
        users: [],
        chats: [],
        date: 1,
        seq: 0,
      }),
      ctx,
    );
    expect(batch.steps).toMatchObject([
      { box: 'common', pts: 11, ptsCount: 1, messages: [], reads: [{ chatKey: 'user:501', side: 'inbox', maxId: 1, stillUnread: 0 }] },
      { box: 'channel', channelId: 900, pts: 400, ptsCount: 1, messages: [{ text: 'c' }] },
    ]);

    const chatShort = new Api.UpdateShortChatMessage({ id: 6, fromId: anna.id, chatId: group.id, message: 'in group', pts: 12, ptsCount: 1, date: 2 });
    expect(translateUpdates(chatShort, ctx).steps).toMatchObject([{ box: 'common', pts: 12, messages: [{ chatKey: 'chat:300', chatTitle: 'Team', senderId: 501, text: 'in group' }] }]);
    const outgoing = new Api.UpdateShortMessage({ id: 7, out: true, userId: anna.id, message: 'mine', pts: 13, ptsCount: 1, date: 2 });
    expect(translateUpdates(outgoing, ctx).steps[0]).toMatchObject({ messages: [{ senderId: 42, outgoing: true, chatKey: 'user:501' }] });
    expect(translateUpdates(outgoing, nobody)).toEqual({ steps: [], entities: [], channelsBehind: [], needsDifference: true });
    expect(translateUpdates(new Api.UpdatesTooLong(), ctx).needsDifference).toBe(true);
  });

  it('reads marks of both sides, and channels Telegram says are behind', () => {
    const batch = translateUpdates(
      new Api.Updates({
        updates: [
          new Api.UpdateReadHistoryOutbox({ peer: user(anna.id), maxId: 8, pts: 14, ptsCount: 1 }),
          new Api.UpdateReadChannelInbox({ channelId: channel.id, maxId: 30, stillUnreadCount: 2, pts: 401 }),
          new Api.UpdateReadChannelOutbox({ channelId: channel.id, maxId: 29 }),
          new Api.UpdateChannelTooLong({ channelId: channel.id, pts: 380 }),
        ],
        users: [],
        chats: [],
        date: 1,
        seq: 0,
      }),
      ctx,
    );
    expect(batch.steps).toMatchObject([
      { box: 'common', pts: 14, reads: [{ chatKey: 'user:501', side: 'outbox', maxId: 8, stillUnread: null }] },
      { box: 'none', reads: [{ chatKey: 'channel:900', side: 'inbox', maxId: 30, stillUnread: 2 }] },
      { box: 'none', reads: [{ chatKey: 'channel:900', side: 'outbox', maxId: 29 }] },
    ]);
    expect(batch.channelsBehind).toEqual([{ channelId: 900, pts: 380 }]);
  });

  it('reads channel difference pages, and a channel too far behind from its dialog', () => {
    const post = (id: number) => new Api.Message({ id, peerId: new Api.PeerChannel({ channelId: channel.id }), date: 1, message: `post ${id}`, post: true });
    expect(translateChannelDifference(new Api.updates.ChannelDifferenceEmpty({ final: true, pts: 7 }), ctx)).toEqual({ kind: 'empty', pts: 7 });
    const page = new Api.updates.ChannelDifference({ final: false, pts: 9, newMessages: [post(1)], otherUpdates: [new Api.UpdateDeleteChannelMessages({ channelId: channel.id, messages: [1], pts: 9, ptsCount: 1 })], users: [], chats: [channel] });
    expect(translateChannelDifference(page, nobody)).toMatchObject({ kind: 'page', final: false, pts: 9, messages: [{ chatTitle: 'News', text: 'post 1' }], deletions: [{ chatKey: 'channel:900', telegramMessageIds: [1] }] });
    const dialog = new Api.Dialog({
      peer: new Api.PeerChannel({ channelId: channel.id }),
      topMessage: 3,
      readInboxMaxId: 2,
      readOutboxMaxId: 1,
      unreadCount: 1,
      unreadMentionsCount: 0,
      unreadReactionsCount: 0,
      notifySettings: new Api.PeerNotifySettings({}),
      pts: 50,
    });
    expect(translateChannelDifference(new Api.updates.ChannelDifferenceTooLong({ final: true, dialog, messages: [post(3), post(2)], users: [], chats: [channel] }), nobody)).toMatchObject({
      kind: 'too_long',
      pts: 50,
      messages: [{ telegramMessageId: 3 }, { telegramMessageId: 2 }],
      reads: [
        { chatKey: 'channel:900', side: 'inbox', maxId: 2, stillUnread: 1 },
        { chatKey: 'channel:900', side: 'outbox', maxId: 1 },
      ],
    });
  });

  it('reads difference pages with the state to continue from', () => {
    const state = new Api.updates.State({ pts: 20, qts: 0, date: 5, seq: 0, unreadCount: 0 });
    const slice = new Api.updates.DifferenceSlice({
      newMessages: [new Api.Message({ id: 1, peerId: user(anna.id), date: 1, message: 'missed' })],
      newEncryptedMessages: [],
      otherUpdates: [],
      users: [anna],
      chats: [],
      intermediateState: state,
    });
    expect(translateDifference(slice, nobody)).toMatchObject({ kind: 'page', final: false, messages: [{ senderName: 'Anna K', text: 'missed' }], cursor: { pts: 20, date: 5 } });
    const withEdits = new Api.updates.Difference({
      newMessages: [],
      newEncryptedMessages: [],
      otherUpdates: [
        new Api.UpdateEditMessage({ message: new Api.Message({ id: 1, peerId: user(anna.id), date: 1, editDate: 2, message: 'fixed' }), pts: 21, ptsCount: 1 }),
        new Api.UpdateDeleteMessages({ messages: [4, 5], pts: 23, ptsCount: 2 }),
        new Api.UpdateDeleteChannelMessages({ channelId: channel.id, messages: [6], pts: 3, ptsCount: 1 }),
        new Api.UpdateChannelTooLong({ channelId: channel.id }),
      ],
      users: [anna],
      chats: [],
      state,
    });
    expect(translateDifference(withEdits, nobody)).toMatchObject({
      messages: [],
      edits: [{ telegramMessageId: 1, text: 'fixed', editedAt: 2000 }],
      deletions: [{ chatKey: null, telegramMessageIds: [4, 5] }, { chatKey: 'channel:900', telegramMessageIds: [6] }],
      channelsBehind: [{ channelId: 900, pts: null }],
    });
    expect(translateDifference(new Api.updates.DifferenceTooLong({ pts: 99 }), nobody)).toEqual({ kind: 'too_long', pts: 99 });
  });

  it('says where a login code went and what comes next', () => {
    const sent = new Api.auth.SentCode({ type: new Api.auth.SentCodeTypeSms({ length: 6 }), phoneCodeHash: 'h', nextType: new Api.auth.CodeTypeCall(), timeout: 120 });
    expect(translateSentCode(sent)).toEqual({ sentVia: 'sms', nextVia: 'call', codeLength: 6, resendAfterSeconds: 120, phoneCodeHash: 'h' });
  });
});
