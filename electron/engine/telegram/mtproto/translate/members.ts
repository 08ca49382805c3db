import { Api } from 'telegram';
import type { MemberChange, MemberStatus } from '../../inbound/types';
import { displayName } from './entities';
import { toNumber } from './ids';
import { chatKeyOf, type TranslateContext } from './messages';

/**
 * Joins and leaves a service message tells (someone added, removed, joined by link or by an
 * approved request). A service message says only the new state, so `from` is null. A removal
 * from a basic group is a leave (Telegram says nothing of a ban there); who did it is `byUserId`.
 */
export function membersOfMessage(message: Api.TypeMessage, ctx: TranslateContext): MemberChange[] {
  if (!(message instanceof Api.MessageService)) return [];
  const sender = message.fromId instanceof Api.PeerUser ? toNumber(message.fromId.userId) : null;
  const base = { chatKey: chatKeyOf(message.peerId), chatTitle: titleOf(message.peerId, ctx), from: null, inviteLink: null, date: message.date * 1000 };
  const { action } = message;
  if (action instanceof Api.MessageActionChatAddUser) return action.users.map((id) => ({ ...base, userId: toNumber(id), to: 'member', byUserId: sender }));
  if (action instanceof Api.MessageActionChatDeleteUser) return [{ ...base, userId: toNumber(action.userId), to: 'left', byUserId: sender }];
  if (sender === null) return [];
  if (action instanceof Api.MessageActionChatJoinedByLink) return [{ ...base, userId: sender, to: 'member', byUserId: toNumber(action.inviterId) }];
  // An administrator approved the request; Telegram does not say which.
  if (action instanceof Api.MessageActionChatJoinedByRequest) return [{ ...base, userId: sender, to: 'member', byUserId: null }];
  return [];
}

export function membersOfMessages(messages: readonly Api.TypeMessage[], ctx: TranslateContext): MemberChange[] {
  return messages.flatMap((m) => membersOfMessage(m, ctx));
}

/** Someone's membership of a channel or supergroup changed (updateChannelParticipant): both states, who, and the link used. */
export function channelParticipantChange(update: Api.UpdateChannelParticipant, ctx: TranslateContext): MemberChange {
  const peer = new Api.PeerChannel({ channelId: update.channelId });
  return {
    chatKey: chatKeyOf(peer),
    chatTitle: titleOf(peer, ctx),
    userId: toNumber(update.userId),
    // No participant on a side means they were not in the channel (before a join, after a leave).
    from: channelStatus(update.prevParticipant),
    to: channelStatus(update.newParticipant),
    byUserId: toNumber(update.actorId),
    inviteLink: update.invite instanceof Api.ChatInviteExported ? update.invite.link : null,
    date: update.date * 1000,
  };
}

/** A basic group's participant list changed (updateChatParticipantAdd / updateChatParticipantDelete). */
export function chatParticipantChange(update: Api.UpdateChatParticipantAdd | Api.UpdateChatParticipantDelete, ctx: TranslateContext, date: number): MemberChange {
  const peer = new Api.PeerChat({ chatId: update.chatId });
  const added = update instanceof Api.UpdateChatParticipantAdd;
  return {
    chatKey: chatKeyOf(peer),
    chatTitle: titleOf(peer, ctx),
    userId: toNumber(update.userId),
    from: added ? 'left' : 'member',
    to: added ? 'member' : 'left',
    byUserId: added ? toNumber(update.inviterId) : null,
    inviteLink: null,
    date: (added ? update.date : date) * 1000,
  };
}

function channelStatus(participant: Api.TypeChannelParticipant | undefined): MemberStatus {
  if (!participant || participant instanceof Api.ChannelParticipantLeft) return 'left';
  if (participant instanceof Api.ChannelParticipantCreator) return 'creator';
  if (participant instanceof Api.ChannelParticipantAdmin) return 'admin';
  if (participant instanceof Api.ChannelParticipantBanned) {
    if (participant.bannedRights instanceof Api.ChatBannedRights && participant.bannedRights.viewMessages) return 'kicked';
    return participant.left ? 'left' : 'restricted';
  }
  return 'member';
}

function titleOf(peer: Api.TypePeer, ctx: TranslateContext): string | null {
  const [peerType, id] = chatKeyOf(peer).split(':') as ['user' | 'chat' | 'channel', string];
  const entity = ctx.entity(peerType, Number(id));
  return entity ? displayName(entity) : null;
}
