import { badRequest, chatNotFound, worldCall } from '../errors';
import { resolveChat } from '../ids';
import { botApiGroupChat, botApiPrivateChat } from '../serialize/chat';
import { botApiChatMember } from '../serialize/chat-member';
import { botApiInviteLink } from '../serialize/invite-link';
import { botApiUser } from '../serialize/user';
import type { Method } from './context';
import { checkBotIsMember } from './send-access';

/** Fields every ChatFullInfo carries. */
const FULL_INFO = { accent_color_id: 0, max_reaction_count: 11 };

export const getChat: Method = (ctx) => {
  const target = resolveChat(ctx.world, ctx.bot.id, ctx.params.string('chat_id'));
  if (target.kind === 'private') return { ...botApiPrivateChat(target.user), ...FULL_INFO };
  // A bot sees a chat it is not in only when the chat is public.
  if (!target.chat.members.has(ctx.bot.id) && !target.chat.username) throw chatNotFound();
  return { ...botApiGroupChat(target.chat), ...FULL_INFO };
};

export const getChatMember: Method = (ctx) => {
  const target = resolveChat(ctx.world, ctx.bot.id, ctx.params.string('chat_id'));
  const userId = ctx.params.requiredInt('user_id', 'invalid user_id specified');
  const user = ctx.world.findUser(userId);
  if (!user) throw badRequest('user not found');
  if (target.kind === 'private') {
    if (userId !== target.user.id && userId !== ctx.bot.id) throw badRequest('user not found');
    return { status: 'member', user: botApiUser(user) };
  }
  const { chat } = target;
  if (userId !== ctx.bot.id) {
    const isMember = chat.members.has(ctx.bot.id);
    if (!isMember && !chat.username) throw chatNotFound();
    // Channel subscribers are visible to administrators only; group members to any member.
    const mayList = chat.kind === 'channel' ? chat.admins.has(ctx.bot.id) && isMember : isMember;
    if (!mayList) throw badRequest('member list is inaccessible');
  }
  return botApiChatMember(ctx.world, chat, userId);
};

export const createChatInviteLink: Method = (ctx) => {
  const target = resolveChat(ctx.world, ctx.bot.id, ctx.params.string('chat_id'));
  if (target.kind === 'private') throw badRequest("can't invite members to a private chat");
  checkBotIsMember(target.chat, ctx.bot.id);
  const link = worldCall(
    () =>
      ctx.world.createInviteLink(target.chat.id, ctx.bot.id, {
        expiresAt: ctx.params.int('expire_date') ?? null,
        usageLimit: ctx.params.int('member_limit') ?? null,
        requestsApproval: ctx.params.bool('creates_join_request'),
        title: ctx.params.string('name') ?? null,
      }),
    { CHAT_ADMIN_REQUIRED: badRequest('not enough rights to manage chat invite links') },
  );
  return botApiInviteLink(ctx.world, link);
};
