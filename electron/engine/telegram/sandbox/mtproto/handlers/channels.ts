import { Api } from 'telegram';
import { SandboxRuleError } from '../../world/rule-error';
import type { SandboxChat } from '../../world/types';
import type { AccountService } from '../account-service';
import { toLong } from '../long';
import { userRoute } from '../route';
import { fail } from '../rpc-error';

const MAX_PARTICIPANTS_PAGE = 200;
const FULL_RIGHTS = { changeInfo: true, postMessages: true, editMessages: true, deleteMessages: true, banUsers: true, inviteUsers: true, pinMessages: true, addAdmins: true };

function participant(account: AccountService, chat: SandboxChat, userId: number): Api.TypeChannelParticipant {
  const date = chat.createdAt;
  if (chat.kicked.has(userId)) {
    return new Api.ChannelParticipantBanned({ peer: new Api.PeerUser({ userId: toLong(userId) }), kickedBy: toLong(chat.creatorId), date, bannedRights: new Api.ChatBannedRights({ viewMessages: true, untilDate: 0 }) });
  }
  if (userId === chat.creatorId) return new Api.ChannelParticipantCreator({ userId: toLong(userId), adminRights: new Api.ChatAdminRights(FULL_RIGHTS) });
  const rights = chat.admins.get(userId);
  if (rights) {
    return new Api.ChannelParticipantAdmin({ userId: toLong(userId), promotedBy: toLong(chat.creatorId), date, adminRights: new Api.ChatAdminRights({ ...rights }), self: userId === account.me.id });
  }
  return new Api.ChannelParticipant({ userId: toLong(userId), date });
}

function filtered(account: AccountService, chat: SandboxChat, filter: Api.TypeChannelParticipantsFilter): number[] {
  if (filter instanceof Api.ChannelParticipantsKicked || filter instanceof Api.ChannelParticipantsBanned) return [...chat.kicked];
  const members = [...chat.members].sort((a, b) => rank(chat, a) - rank(chat, b) || a - b);
  if (filter instanceof Api.ChannelParticipantsAdmins) return members.filter((id) => chat.admins.has(id));
  if (filter instanceof Api.ChannelParticipantsSearch && filter.q) {
    const q = filter.q.toLowerCase();
    return members.filter((id) => {
      const user = account.world.user(id);
      return `${user.firstName} ${user.lastName} ${user.username ?? ''}`.toLowerCase().includes(q);
    });
  }
  return members;
}

function rank(chat: SandboxChat, userId: number): number {
  if (userId === chat.creatorId) return 0;
  return chat.admins.has(userId) ? 1 : 2;
}

/** Channel members are visible only to admins; supergroup members to other members. */
function getParticipants(account: AccountService, request: Api.channels.GetParticipants): Api.channels.TypeChannelParticipants {
  const chat = account.channel(request.channel);
  const isAdmin = account.world.adminRights(chat.id, account.me.id) !== null;
  if (chat.kind === 'channel' && !isAdmin) fail('CHAT_ADMIN_REQUIRED');
  if (!chat.members.has(account.me.id)) fail('CHANNEL_PRIVATE');
  if ((request.filter instanceof Api.ChannelParticipantsKicked || request.filter instanceof Api.ChannelParticipantsBanned) && !isAdmin) fail('CHAT_ADMIN_REQUIRED');
  const ids = filtered(account, chat, request.filter);
  const page = ids.slice(Math.max(0, request.offset), Math.max(0, request.offset) + Math.min(Math.max(request.limit, 0), MAX_PARTICIPANTS_PAGE));
  return new Api.channels.ChannelParticipants({ count: ids.length, participants: page.map((id) => participant(account, chat, id)), ...account.entities(page) });
}

/**
 * Each invitee goes through the world's rules; since layer 160 Telegram lists those whose
 * privacy forbids it in `missingInvitees` rather than failing the call.
 */
function inviteToChannel(account: AccountService, request: Api.channels.InviteToChannel): Api.messages.InvitedUsers {
  const chat = account.channel(request.channel);
  const log = account.server.hub.channel(chat.id);
  const before = log.pts;
  const missingInvitees: Api.MissingInvitee[] = [];
  const invited: number[] = [];
  for (const input of request.users) {
    const user = account.user(input);
    if (!account.me.contacts.has(user.id)) account.server.antiSpam.stranger(account.me.id, 'invite');
    try {
      account.act(() => account.world.addMember(chat.id, user.id, account.me.id));
      invited.push(user.id);
    } catch (error) {
      const asMissing = error instanceof SandboxRuleError && error.code === 'USER_PRIVACY_RESTRICTED' && account.server.options.privacyRestrictedInvites === 'missing-invitees';
      if (!asMissing) throw error;
      missingInvitees.push(new Api.MissingInvitee({ userId: toLong(user.id) }));
    }
  }
  const updates = new Api.Updates({
    updates: log.after(before).map((entry) => entry.update),
    ...account.entities([account.me.id, ...invited], [chat.id]),
    date: account.world.now(),
    seq: 0,
  });
  return new Api.messages.InvitedUsers({ updates, missingInvitees });
}

/**
 * One person's membership, under the same visibility as the list: anyone may ask about
 * themselves; a channel's subscribers are for admins, a supergroup's members for members. Someone
 * who is not in it (never joined, left) is USER_NOT_PARTICIPANT; a banned person is shown as
 * banned to admins only.
 */
function getParticipant(account: AccountService, request: Api.channels.GetParticipant): Api.channels.ChannelParticipant {
  const chat = account.channel(request.channel);
  const user = account.user(request.participant);
  const isAdmin = account.world.adminRights(chat.id, account.me.id) !== null;
  if (user.id !== account.me.id) {
    if (!chat.members.has(account.me.id)) fail('CHANNEL_PRIVATE');
    if (chat.kind === 'channel' && !isAdmin) fail('CHAT_ADMIN_REQUIRED');
  }
  const shown = chat.members.has(user.id) || (chat.kicked.has(user.id) && isAdmin);
  if (!shown) fail('USER_NOT_PARTICIPANT');
  return new Api.channels.ChannelParticipant({ participant: participant(account, chat, user.id), ...account.entities([user.id]) });
}

export const channelsRoutes = [
  userRoute(Api.channels.GetParticipants, getParticipants),
  userRoute(Api.channels.GetParticipant, getParticipant),
  userRoute(Api.channels.InviteToChannel, inviteToChannel),
];
