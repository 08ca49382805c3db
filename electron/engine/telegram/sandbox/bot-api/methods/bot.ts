import { badRequest, forbidden, worldCall } from '../errors';
import { resolveChat } from '../ids';
import { botApiUser } from '../serialize/user';
import type { Method } from './context';
import { checkBotMayWrite } from './send-access';

export const getMe: Method = (ctx) => ({
  ...botApiUser(ctx.bot),
  can_join_groups: ctx.bot.canJoinGroups,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
});

interface CommandInput {
  command?: unknown;
  description?: unknown;
}

/** Scopes and languages are accepted and folded into the one default list. */
export const setMyCommands: Method = (ctx) => {
  const commands = ctx.params.json<CommandInput[]>('commands');
  if (!Array.isArray(commands)) throw badRequest('parameter "commands" is required');
  ctx.bot.commands = commands.map(({ command, description }) => {
    if (typeof command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
    if (typeof description !== 'string' || description.length < 1 || description.length > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    return { command, description };
  });
  return true;
};

export const getMyCommands: Method = (ctx) => ctx.bot.commands.map((c) => ({ ...c }));

export const deleteMyCommands: Method = (ctx) => {
  ctx.bot.commands = [];
  return true;
};

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

/** The action itself shows nowhere in the world; the checks are a send's. */
export const sendChatAction: Method = (ctx) => {
  const target = resolveChat(ctx.world, ctx.bot.id, ctx.params.string('chat_id'));
  checkBotMayWrite(ctx.world, ctx.bot.id, target);
  if (target.kind === 'private' && target.user.blockedBots.has(ctx.bot.id)) throw forbidden('bot was blocked by the user');
  if (!CHAT_ACTIONS.has(ctx.params.string('action') ?? '')) throw badRequest('wrong parameter action in request');
  return true;
};

export const answerCallbackQuery: Method = (ctx) => {
  const queryId = ctx.params.requiredString('callback_query_id', 'query is too old and response timeout expired or query ID is invalid');
  worldCall(() => ctx.world.answerCallback(queryId, { text: ctx.params.string('text') ?? null, showAlert: ctx.params.bool('show_alert') }));
  return true;
};
