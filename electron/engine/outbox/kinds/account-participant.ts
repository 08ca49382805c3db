import { Api } from 'telegram';
import { z } from 'zod';
import type { ActionKind, PerformContext } from '../action-kind';
import type { MembershipResult } from './bot-chat-member';
import { chatKeySchema, userIdSchema } from './chat-key';
import { inputChannel, rpcName, userPeer } from './mtproto-inputs';

const payload = z.object({ chatKey: chatKeySchema, userId: userIdSchema });
type Payload = z.infer<typeof payload>;

/** Telegram's participant class as the Bot API names the same status. */
function statusOf(participant: Api.TypeChannelParticipant): string {
  if (participant instanceof Api.ChannelParticipantCreator) return 'creator';
  if (participant instanceof Api.ChannelParticipantAdmin) return 'administrator';
  // Banned from viewing messages is removed from the chat; other bans only restrict a member.
  if (participant instanceof Api.ChannelParticipantBanned) return participant.left || participant.bannedRights.viewMessages ? 'kicked' : 'restricted';
  if (participant instanceof Api.ChannelParticipantLeft) return 'left';
  return 'member';
}

/**
 * This person's membership in a channel or supergroup (channels.getParticipant); "not a
 * participant" is an answer, not a failure. A banned person is restricted while still in it.
 */
export async function membership(ctx: PerformContext, p: Payload): Promise<MembershipResult> {
  try {
    const { participant } = await ctx.transport!.invoke(new Api.channels.GetParticipant({ channel: inputChannel(ctx, p.chatKey), participant: userPeer(ctx, p.userId) }));
    const status = statusOf(participant);
    return { member: status !== 'left' && status !== 'kicked', status };
  } catch (error) {
    if (rpcName(error) === 'USER_NOT_PARTICIPANT') return { member: false, status: 'left' };
    throw error;
  }
}

/** Is this person in the channel? A read: repeated after a crash, it changes nothing. */
export const accountParticipant: ActionKind<Payload> = {
  name: 'channels.participant',
  sender: 'account',
  capAction: 'check',
  payload,
  chatKey: () => null,
  perform: async (ctx, p) => ({ data: await membership(ctx, p) }),
  classify(error) {
    const name = rpcName(error);
    if (name === 'CHAT_ADMIN_REQUIRED') return { kind: 'permanent', reason: 'Only an admin of this channel can see who is subscribed.' };
    if (name === 'CHANNEL_PRIVATE') return { kind: 'permanent', reason: 'This account is not in this channel, so it cannot see its members.' };
    return null;
  },
  afterInterruption: 'resend',
};
