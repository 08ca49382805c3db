import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { BotFlow } from '../bot-flows/bot-flow';
import type { DomainFactory } from '../domains/domain-module';
import type { InboundConsumer } from '../inbound/inbound';
import type { ActionKind } from '../outbox/action-kind';
import { accountText } from '../outbox/kinds/account-text';

/**
 * A throwaway domain for domain-crash-loop.test.ts: one of everything a real domain plugs in,
 * each leaving a trace the test can count against the sandbox's own record.
 * - an inbound consumer: every message people write to the account is noted once, and every
 *   fifth one is thanked through the domain's own action kind;
 * - a bot flow: `/tally <tag> <phone>` to the bot counts the command, replies, and asks the
 *   account to import the phone (contacts.import: a kind Telegram does not deduplicate).
 * A real domain's tables come from a migration; a test-only domain makes its own.
 */
export const TALLY = 'tally';

/** The domain's own kind: an account's text, under its own name (a domain may wrap a core kind). */
const thankKind: ActionKind<z.infer<typeof accountText.payload>> = { ...accountText, name: 'tally.thank', capAction: 'reply' };

function createTables(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS tally_seen (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, chat_key TEXT NOT NULL, telegram_message_id INTEGER NOT NULL, text TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS tally_commands (id INTEGER PRIMARY KEY, bot_id INTEGER NOT NULL, chat_key TEXT NOT NULL, telegram_message_id INTEGER NOT NULL, args TEXT NOT NULL);
  `);
}

export const tallyDomain: DomainFactory = (ctx) => {
  createTables(ctx.db);
  const consumer: InboundConsumer = {
    name: TALLY,
    consume(batch, { db }) {
      if (batch.source.kind !== 'account') return;
      for (const message of batch.messages) {
        if (message.outgoing || !message.text.startsWith('run ')) continue;
        const seen = Number(
          db
            .prepare('INSERT INTO tally_seen (account_id, chat_key, telegram_message_id, text) VALUES (?, ?, ?, ?)')
            .run(batch.source.id, message.chatKey, message.telegramMessageId, message.text).lastInsertRowid,
        );
        if (seen % 5 !== 0) continue;
        ctx.outbox.enqueue({
          sender: { kind: 'account', id: batch.source.id },
          kind: thankKind.name,
          payload: { kind: 'text', chatKey: message.chatKey, text: `thanks for ${message.text}` },
          origin: { domain: TALLY, ref: `seen:${seen}` },
          priority: 'operator',
        });
      }
    },
  };

  const flow: BotFlow = {
    role: TALLY,
    commands: {
      tally(command) {
        const [tag = '', phone = ''] = command.command.args.split(' ');
        const id = Number(
          command.db
            .prepare('INSERT INTO tally_commands (bot_id, chat_key, telegram_message_id, args) VALUES (?, ?, ?, ?)')
            .run(command.botId, command.chatKey, command.message.telegramMessageId, command.command.args).lastInsertRowid,
        );
        command.reply(command.text('counted', { tag, n: id }), { ref: `command:${id}` });
        const accountId = command.db.prepare('SELECT id FROM accounts ORDER BY id LIMIT 1').pluck().get() as number;
        ctx.outbox.enqueue({
          sender: { kind: 'account', id: accountId },
          kind: 'contacts.import',
          payload: { phone, firstName: `Tally ${tag}` },
          origin: { domain: TALLY, ref: `command:${id}` },
          priority: 'operator',
        });
      },
    },
    texts: { counted: { en: 'Counted {{tag}} as number {{n}}.', ru: 'Засчитано {{tag}} под номером {{n}}.' } },
  };

  return { name: TALLY, actionKinds: [thankKind], consumers: [consumer], botFlows: [flow] };
};
