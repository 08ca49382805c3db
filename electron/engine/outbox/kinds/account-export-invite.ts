import { Api } from 'telegram';
import { z } from 'zod';
import type { ActionKind } from '../action-kind';
import { Refusal } from '../failures';
import type { InviteLinkResult } from './bot-create-invite-link';
import { chatKeySchema } from './chat-key';
import { rpcName } from './mtproto-inputs';

const payload = z.object({
  chatKey: chatKeySchema,
  /** The link stops working this long after it is made. */
  expiresInSeconds: z.number().int().positive(),
  /** Shown to admins in the chat's link list, e.g. who it is for (32 characters, as the Bot API allows for the same field). */
  title: z.string().max(32, 'A link title is at most 32 characters.').optional(),
});

/**
 * A one-person invite link (messages.exportChatInvite with usage_limit 1 and an expire_date).
 * After a crash or a lost answer it is simply made again: only the link recorded here is ever
 * handed out, so an earlier one nobody received is never used and expires on its own.
 */
export const accountExportInvite: ActionKind<z.infer<typeof payload>> = {
  name: 'messages.exportInvite',
  sender: 'account',
  capAction: 'invite',
  payload,
  chatKey: () => null,
  async perform(ctx, p) {
    const expireDate = Math.floor(ctx.now / 1000) + p.expiresInSeconds;
    const exported = await ctx.transport!.invoke(
      new Api.messages.ExportChatInvite({ peer: ctx.inputPeer(p.chatKey), usageLimit: 1, expireDate, ...(p.title === undefined ? {} : { title: p.title }) }),
    );
    if (!(exported instanceof Api.ChatInviteExported)) throw new Refusal('Telegram answered with a link for a public join, not an invite.');
    return { data: { link: exported.link, expiresAt: exported.expireDate === undefined ? null : exported.expireDate * 1000 } satisfies InviteLinkResult };
  },
  classify(error) {
    const name = rpcName(error);
    if (name === 'CHAT_ADMIN_REQUIRED') return { kind: 'permanent', reason: 'This account needs the admin right to invite people here.' };
    if (name === 'EXPIRE_DATE_INVALID') return { kind: 'permanent', reason: 'Telegram refused the link’s expiry time.' };
    return null;
  },
  afterInterruption: 'resend',
};
