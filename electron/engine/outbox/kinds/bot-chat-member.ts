import { z } from 'zod';
import { grammySignal } from '../../telegram/bots/bot-api';
import type { ActionKind } from '../action-kind';
import { botChatId } from '../bot-send';
import { chatKeySchema, userIdSchema } from './chat-key';
import { classifyRepeatableBotError } from './repeatable';

const payload = z.object({ chatKey: chatKeySchema, userId: userIdSchema });

/** What a membership check leaves: whether the person is in the chat now, and Telegram's status. */
export interface MembershipResult {
  member: boolean;
  /** The Bot API's ChatMember status: creator, administrator, member, restricted, left or kicked. */
  status: string;
}

/**
 * Is this person in the chat? (getChatMember) A read, harmless to repeat, so asked again after a
 * crash or a lost answer. A restricted person is a member only while `is_member` says so.
 */
export const botChatMember: ActionKind<z.infer<typeof payload>> = {
  name: 'bot.chatMember',
  sender: 'bot',
  capAction: 'check',
  payload,
  chatKey: () => null,
  async perform(ctx, p) {
    const member = await ctx.bot!.getChatMember(botChatId(p.chatKey), p.userId, grammySignal(ctx.signal));
    const isMember = member.status === 'creator' || member.status === 'administrator' || member.status === 'member' || (member.status === 'restricted' && member.is_member);
    return { data: { member: isMember, status: member.status } satisfies MembershipResult };
  },
  classify: classifyRepeatableBotError,
  afterInterruption: 'resend',
};
