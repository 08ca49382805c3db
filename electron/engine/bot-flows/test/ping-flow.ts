import type { Database } from 'better-sqlite3';
import type { BotFlow } from '../bot-flow';

/**
 * A throwaway flow for the router's tests: `/ping` answers "pong" with a button, the button
 * edits the message, "ping?" in plain text is claimed, `/boom` writes, queues and then throws.
 * Every effect leaves a row in `ping_log` so a test counts how often it happened.
 */
export function pingFlow(role = 'ping', prefix = 'ping:'): BotFlow {
  const log = (ctx: { db: Database; chatKey: string }, what: string) =>
    ctx.db.prepare('INSERT INTO ping_log (role, chat_key, what) VALUES (?, ?, ?)').run(role, ctx.chatKey, what);
  return {
    role,
    callbackPrefix: prefix,
    commands: {
      ping(ctx) {
        log(ctx, `ping ${ctx.command.args}`.trim());
        ctx.reply(ctx.text('pong', { name: ctx.person.firstName }), { keyboard: [[{ text: ctx.text('again'), callbackData: `${prefix}again` }]] });
      },
      boom(ctx) {
        log(ctx, 'boom');
        ctx.reply('never sent');
        throw new Error('the flow broke');
      },
    },
    onCallback(ctx) {
      log(ctx, `button ${ctx.callback.data}`);
      if (ctx.callback.data === `${prefix}again`) {
        ctx.edit(ctx.callback.telegramMessageId!, ctx.text('pong', { name: ctx.person.firstName }));
        ctx.answer(ctx.text('again'));
      }
      if (ctx.callback.data === `${prefix}boom`) throw new Error('the button broke');
    },
    onMessage(ctx) {
      log(ctx, `looked at ${ctx.message.text}`);
      if (ctx.message.text !== 'ping?') return false;
      ctx.reply(ctx.text('pong', { name: ctx.person.firstName }));
      return true;
    },
    texts: {
      pong: { en: 'pong, {{name}}', ru: 'понг, {{name}}' },
      again: { en: 'Again', ru: 'Ещё' },
    },
  };
}
