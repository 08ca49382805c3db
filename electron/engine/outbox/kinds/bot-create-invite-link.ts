import { z } from 'zod';
import { grammySignal } from '../../telegram/bots/bot-api';
import type { ActionKind } from '../action-kind';
import { botChatId } from '../bot-send';
import { chatKeySchema } from './chat-key';
import { classifyRepeatableBotError } from './repeatable';

const payload = z.object({
  chatKey: chatKeySchema,
  /** Shown to admins in the chat's link list (0–32 characters). */
  name: z.string().max(32, 'A link name is at most 32 characters.').optional(),
  /** How many may join by it (1–99,999). */
  memberLimit: z.number().int().min(1).max(99_999, 'A link admits at most 99,999 people.').optional(),
  /** The link expires this long after it is made. */
  expiresInSeconds: z.number().int().positive().optional(),
});

/** What a made link leaves: the link itself and when it stops working (epoch ms, or null). */
export interface InviteLinkResult {
  link: string;
  expiresAt: number | null;
}

/**
 * A bot makes an invite link (createChatInviteLink with member_limit, expire_date, name).
 * Harmless to repeat: only the link recorded here is ever handed out, so a second one made after
 * a crash or a lost answer is never used.
 */
export const botCreateInviteLink: ActionKind<z.infer<typeof payload>> = {
  name: 'bot.createInviteLink',
  sender: 'bot',
  capAction: 'invite',
  payload,
  chatKey: () => null,
  async perform(ctx, p) {
    const expireDate = p.expiresInSeconds === undefined ? undefined : Math.floor(ctx.now / 1000) + p.expiresInSeconds;
    const other = {
      ...(p.name === undefined ? {} : { name: p.name }),
      ...(p.memberLimit === undefined ? {} : { member_limit: p.memberLimit }),
      ...(expireDate === undefined ? {} : { expire_date: expireDate }),
    };
    const link = await ctx.bot!.createChatInviteLink(botChatId(p.chatKey), other, grammySignal(ctx.signal));
    return { data: { link: link.invite_link, expiresAt: link.expire_date === undefined ? null : link.expire_date * 1000 } satisfies InviteLinkResult };
  },
  classify: classifyRepeatableBotError,
  afterInterruption: 'resend',
};
