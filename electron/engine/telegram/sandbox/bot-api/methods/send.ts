import type { InlineButton, SandboxFile } from '../../world/types';
import { conversationKey } from '../../world/world';
import { badRequest, worldCall } from '../errors';
import { resolveChat, type ChatTarget } from '../ids';
import { botApiMessage } from '../serialize/message';
import type { MethodContext } from './context';
import { readInlineKeyboard } from './reply-markup';
import { checkBotMayWrite } from './send-access';

export interface Outgoing {
  text?: string;
  media?: SandboxFile;
  caption?: string | null;
  inlineKeyboard?: InlineButton[][];
}

/** The chat a send goes to, checked for access and the rate limits before anything happens. */
export function sendTarget(ctx: MethodContext): ChatTarget {
  const target = resolveChat(ctx.world, ctx.bot.id, ctx.params.string('chat_id'));
  checkBotMayWrite(ctx.world, ctx.bot.id, target);
  ctx.limiter.check(ctx.bot.id, conversationKey(target.conversation), target.kind === 'private');
  return target;
}

/** Everything a send method shares: reply, keyboard, the world call and the count for limits. */
export function deliver(ctx: MethodContext, target: ChatTarget, outgoing: Outgoing) {
  const replyToUid = replyTarget(ctx, target);
  const message = worldCall(() =>
    ctx.world.sendMessage({
      senderId: ctx.bot.id,
      conversation: target.conversation,
      text: outgoing.text,
      media: outgoing.media ?? null,
      caption: outgoing.caption ?? null,
      replyToUid,
      inlineKeyboard: outgoing.inlineKeyboard ?? readInlineKeyboard(ctx.params) ?? null,
    }),
  );
  ctx.limiter.record(ctx.bot.id, conversationKey(target.conversation), target.kind === 'private');
  return { message, view: botApiMessage(ctx.world, message, ctx.bot.id) };
}

interface ReplyParameters {
  message_id?: number;
  allow_sending_without_reply?: boolean;
}

function replyTarget(ctx: MethodContext, target: ChatTarget): number | null {
  const parameters = ctx.params.json<ReplyParameters>('reply_parameters');
  const messageId = parameters?.message_id ?? ctx.params.int('reply_to_message_id');
  if (messageId === undefined) return null;
  const original = ctx.world.messageByViewId(ctx.bot.id, target.conversation, messageId);
  if (original && !original.deleted) return original.uid;
  if (parameters?.allow_sending_without_reply ?? ctx.params.bool('allow_sending_without_reply')) return null;
  throw badRequest('message to be replied not found');
}
