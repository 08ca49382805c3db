import bigInt from 'big-integer';
import { Api } from 'telegram';
import { describe, expect, it } from 'vitest';
import { translateDifference } from './difference';
import { translateEntities } from './entities';
import type { TranslateContext } from './messages';
import { translateUpdates } from './updates';

const anna = new Api.User({ id: bigInt(501), accessHash: bigInt(1), firstName: 'Anna' });
const club = new Api.Channel({ id: bigInt(900), accessHash: bigInt(77), title: 'Club', photo: new Api.ChatPhotoEmpty(), date: 1, megagroup: true });
const team = new Api.Chat({ id: bigInt(300), title: 'Team', photo: new Api.ChatPhotoEmpty(), participantsCount: 3, date: 1, version: 1 });
const known = translateEntities([anna], [club, team]);
const ctx: TranslateContext = { selfId: 42, entity: (type, id) => known.find((e) => e.peerType === type && e.peerId === id) };
const user = (id: number) => new Api.PeerUser({ userId: bigInt(id) });
const inClub = new Api.PeerChannel({ channelId: club.id });
const inTeam = new Api.PeerChat({ chatId: team.id });
const container = (...updates: Api.TypeUpdate[]) => new Api.Updates({ updates, users: [], chats: [], date: 1_000, seq: 0 });
const service = (peerId: Api.TypePeer, fromId: Api.TypePeer | undefined, action: Api.TypeMessageAction, id = 5) => new Api.MessageService({ id, peerId, fromId, date: 2_000, action });

describe('MTProto translation: joins and leaves', () => {
  it('reads updateChannelParticipant as a step of the qts sequence, with both states, the actor and the link', () => {
    const invite = new Api.ChatInviteExported({ link: 'https://t.me/+abc', adminId: bigInt(42), date: 1 });
    const joined = new Api.UpdateChannelParticipant({ channelId: club.id, date: 1_500, actorId: bigInt(501), userId: bigInt(501), newParticipant: new Api.ChannelParticipant({ userId: bigInt(501), date: 1_500 }), invite, qts: 8 });
    expect(translateUpdates(container(joined), ctx).steps).toEqual([
      {
        box: 'qts',
        qts: 8,
        messages: [],
        edits: [],
        deletions: [],
        reads: [],
        members: [{ chatKey: 'channel:900', chatTitle: 'Club', userId: 501, from: 'left', to: 'member', byUserId: 501, inviteLink: 'https://t.me/+abc', date: 1_500_000 }],
      },
    ]);
    const rights = (viewMessages: boolean) => new Api.ChatBannedRights({ viewMessages, sendMessages: true, untilDate: 0 });
    const banned = new Api.UpdateChannelParticipant({
      channelId: club.id,
      date: 1_600,
      actorId: bigInt(42),
      userId: bigInt(501),
      prevParticipant: new Api.ChannelParticipantAdmin({ userId: bigInt(501), promotedBy: bigInt(42), date: 1, adminRights: new Api.ChatAdminRights({}) }),
      newParticipant: new Api.ChannelParticipantBanned({ peer: user(501), kickedBy: bigInt(42), date: 1_600, bannedRights: rights(true) }),
      qts: 9,
    });
    const muted = new Api.UpdateChannelParticipant({
      channelId: club.id,
      date: 1_700,
      actorId: bigInt(42),
      userId: bigInt(502),
      prevParticipant: new Api.ChannelParticipantCreator({ userId: bigInt(502), adminRights: new Api.ChatAdminRights({}) }),
      newParticipant: new Api.ChannelParticipantBanned({ peer: user(502), kickedBy: bigInt(42), date: 1_700, bannedRights: rights(false) }),
      qts: 10,
    });
    const left = new Api.UpdateChannelParticipant({ channelId: club.id, date: 1_800, actorId: bigInt(503), userId: bigInt(503), prevParticipant: new Api.ChannelParticipantSelf({ userId: bigInt(503), inviterId: bigInt(42), date: 1 }), qts: 11 });
    const members = translateUpdates(container(banned, muted, left), ctx).steps.flatMap((s) => s.members);
    expect(members.map((m) => [m.userId, m.from, m.to, m.byUserId, m.inviteLink])).toEqual([
      [501, 'admin', 'kicked', 42, null],
      [502, 'creator', 'restricted', 42, null],
      [503, 'member', 'left', 503, null],
    ]);
  });

  it('reads a basic group’s participant updates, which belong to no sequence', () => {
    const added = new Api.UpdateChatParticipantAdd({ chatId: team.id, userId: bigInt(501), inviterId: bigInt(42), date: 1_100, version: 2 });
    const removed = new Api.UpdateChatParticipantDelete({ chatId: team.id, userId: bigInt(501), version: 3 });
    expect(translateUpdates(container(added, removed), ctx).steps).toMatchObject([
      { box: 'none', members: [{ chatKey: 'chat:300', chatTitle: 'Team', userId: 501, from: 'left', to: 'member', byUserId: 42, inviteLink: null, date: 1_100_000 }] },
      // The delete names no date: the container's.
      { box: 'none', members: [{ chatKey: 'chat:300', userId: 501, from: 'member', to: 'left', byUserId: null, date: 1_000_000 }] },
    ]);
  });

  it('reads joins and leaves from service messages, which never become messages', () => {
    const add = service(inTeam, user(42), new Api.MessageActionChatAddUser({ users: [bigInt(501), bigInt(502)] }), 5);
    const kick = service(inTeam, user(42), new Api.MessageActionChatDeleteUser({ userId: bigInt(502) }), 6);
    const step = translateUpdates(container(new Api.UpdateNewMessage({ message: add, pts: 20, ptsCount: 1 }), new Api.UpdateNewMessage({ message: kick, pts: 21, ptsCount: 1 })), ctx).steps;
    expect(step.flatMap((s) => s.messages)).toEqual([]);
    expect(step.flatMap((s) => s.members)).toEqual([
      { chatKey: 'chat:300', chatTitle: 'Team', userId: 501, from: null, to: 'member', byUserId: 42, inviteLink: null, date: 2_000_000 },
      { chatKey: 'chat:300', chatTitle: 'Team', userId: 502, from: null, to: 'member', byUserId: 42, inviteLink: null, date: 2_000_000 },
      { chatKey: 'chat:300', chatTitle: 'Team', userId: 502, from: null, to: 'left', byUserId: 42, inviteLink: null, date: 2_000_000 },
    ]);

    const byLink = service(inClub, user(501), new Api.MessageActionChatJoinedByLink({ inviterId: bigInt(42) }), 7);
    const byRequest = service(inClub, user(503), new Api.MessageActionChatJoinedByRequest(), 8);
    const channelSteps = translateUpdates(
      container(new Api.UpdateNewChannelMessage({ message: byLink, pts: 30, ptsCount: 1 }), new Api.UpdateNewChannelMessage({ message: byRequest, pts: 31, ptsCount: 1 })),
      ctx,
    ).steps;
    expect(channelSteps).toMatchObject([
      { box: 'channel', channelId: 900, pts: 30, messages: [], members: [{ chatKey: 'channel:900', chatTitle: 'Club', userId: 501, to: 'member', byUserId: 42 }] },
      { box: 'channel', channelId: 900, pts: 31, messages: [], members: [{ userId: 503, to: 'member', byUserId: null }] },
    ]);
  });

  it('finds joins in a difference page, from its new messages and its other updates alike', () => {
    const add = service(inTeam, user(501), new Api.MessageActionChatAddUser({ users: [bigInt(501)] }), 9);
    const participant = new Api.UpdateChannelParticipant({ channelId: club.id, date: 1_900, actorId: bigInt(504), userId: bigInt(504), newParticipant: new Api.ChannelParticipant({ userId: bigInt(504), date: 1_900 }), qts: 12 });
    const page = translateDifference(
      new Api.updates.Difference({ newMessages: [add], newEncryptedMessages: [], otherUpdates: [participant], users: [], chats: [], state: new Api.updates.State({ pts: 40, qts: 12, date: 2_100, seq: 0, unreadCount: 0 }) }),
      ctx,
    );
    expect(page).toMatchObject({ kind: 'page', messages: [], members: [{ chatKey: 'chat:300', userId: 501, to: 'member' }, { chatKey: 'channel:900', userId: 504, from: 'left', to: 'member' }], cursor: { qts: 12 } });
  });
});
