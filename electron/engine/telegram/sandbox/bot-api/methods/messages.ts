import { SandboxRuleError } from '../../world/rule-error';
import { badRequest, toBotApiError, worldCall } from '../errors';
import { resolveChat } from '../ids';
import { botApiMessage } from '../serialize/message';
import type { Method, MethodContext } from './context';
import { readInlineKeyboard } from './reply-markup';
import { deliver, sendTarget } from './send';

const textIsEmpty = () => badRequest('message text is empty');

export const sendMessage: Method = (ctx) => {
  const target = sendTarget(ctx);
  if (!ctx.params.has('text')) throw textIsEmpty();
  return deliver(ctx, target, { text: ctx.params.string('text') }).view;
};

function findOwnView(ctx: MethodContext, chatIdParam: string, notFound: string) {
  const target = resolveChat(ctx.world, ctx.bot.id, ctx.params.string(chatIdParam));
  const message = ctx.world.messageByViewId(ctx.bot.id, target.conversation, ctx.params.requiredInt('message_id', 'message identifier is not specified'));
  if (!message || message.deleted) throw badRequest(notFound);
  return message;
}

export const editMessageText: Method = (ctx) => {
  const message = findOwnView(ctx, 'chat_id', 'message to edit not found');
  const text = ctx.params.string('text');
  if (!text) throw textIsEmpty();
  // Without reply_markup Telegram removes the inline keyboard, so the edit always states it.
  const inlineKeyboard = readInlineKeyboard(ctx.params) ?? null;
  if (text === message.text && JSON.stringify(inlineKeyboard) === JSON.stringify(message.inlineKeyboard)) {
    throw toBotApiError(new SandboxRuleError('MESSAGE_NOT_MODIFIED'));
  }
  const edited = worldCall(() => ctx.world.editMessage(message.uid, ctx.bot.id, { text, inlineKeyboard }), {
    MESSAGE_ID_INVALID: badRequest('message to edit not found'),
  });
  return botApiMessage(ctx.world, edited, ctx.bot.id);
};

export const deleteMessage: Method = (ctx) => {
  const message = findOwnView(ctx, 'chat_id', 'message to delete not found');
  worldCall(() => ctx.world.deleteMessages([message.uid], ctx.bot.id));
  return true;
};

export const copyMessage: Method = (ctx) => {
  const original = findOwnView(ctx, 'from_chat_id', 'message to copy not found');
  if (original.action) throw badRequest("message can't be copied");
  const target = sendTarget(ctx);
  const caption = ctx.params.has('caption') ? ctx.params.string('caption') : original.caption;
  const { message } = deliver(ctx, target, { text: original.text, media: original.media ?? undefined, caption });
  return { message_id: ctx.world.viewId(message, ctx.bot.id) };
};
