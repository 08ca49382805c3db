import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { systemClock } from './platform/clock';
import { openWorldFile, readWorldFile } from './sandbox-workspace/world-file';
import { waitFor } from './telegram/sandbox/bot-api/test/harness';
import { readOnly, useDeskChildren } from './test-support/desk-child';
import type { EngineChildCommand } from './test-support/engine-child';
import { TALLY } from './test-support/tally-domain';
import { useTempDirs } from './test-support/temp-dir';

const tempDir = useTempDirs();
const { startDesk, killUnderTraffic } = useDeskChildren();
const KILLS = 10;

interface OutboxRow {
  origin_ref: string;
  kind: string;
  state: string;
  result: string | null;
}

const UNFINISHED = "state IN ('queued', 'waiting', 'sending')";

/**
 * The mechanisms a domain is built on, under the same kill -9 loop as the inbox: a throwaway
 * domain (test-support/tally-domain.ts) with an inbound consumer, a bot command and its own
 * action kind, beside a contact import (a kind Telegram does not deduplicate).
 */
it('10 kill -9s: each bot command takes effect once, each consumed message once, each action is done once or found done', async () => {
  const dataDir = tempDir();
  const deskFile = join(dataDir, 'sandbox', 'desk.sqlite');
  const worldFile = join(dataDir, 'sandbox', 'sandbox-world.sqlite');

  await killUnderTraffic(dataDir, KILLS, 'tally');

  // The last start has no traffic: the desk catches up, its lanes finish the domain's work, it stops cleanly.
  const desk = startDesk(dataDir, KILLS, 'quiet', 'tally');
  await waitFor(() => (desk.state.ready ? true : undefined), 30_000);
  const unfinished = (db: Database.Database) => db.prepare(`SELECT count(*) FROM outbox WHERE origin_domain = ? AND ${UNFINISHED}`).pluck().get(TALLY) as number;
  const commandsInWorld = (db: Database.Database) => db.prepare("SELECT count(*) FROM rows WHERE kind = 'message' AND value LIKE '%\"text\":\"/tally %'").pluck().get() as number;
  const commandsInDesk = (db: Database.Database) => db.prepare('SELECT count(*) FROM tally_commands').pluck().get() as number;
  // Past the wait, the comparisons below name what is missing.
  await waitFor(() => (readOnly(deskFile, commandsInDesk) >= readOnly(worldFile, commandsInWorld) && readOnly(deskFile, unfinished) === 0 ? true : undefined), 60_000).catch(
    () => undefined,
  );
  desk.child.send({ type: 'stop' } satisfies EngineChildCommand);
  await desk.exited;

  const file = openWorldFile(worldFile);
  const world = readWorldFile(file, systemClock)!.world;
  file.close();
  const messages = world.allMessages();
  const recipientOf = (m: (typeof messages)[number]) => (m.conversation.kind === 'private' ? m.conversation.userIds.find((id) => id !== m.senderId)! : 0);
  // People write `run ...` to the desk's account and bot only: the one that is not a bot is the account.
  const bot = world.user(recipientOf(messages.find((m) => m.text.startsWith('/tally '))!));
  const account = world.user(recipientOf(messages.find((m) => m.text.startsWith('run ') && !world.user(recipientOf(m)).isBot)!));
  const desk_ = readOnly(deskFile, (db) => ({
    commands: db.prepare('SELECT id, telegram_message_id, args FROM tally_commands').all() as { id: number; telegram_message_id: number; args: string }[],
    seen: db.prepare('SELECT id, chat_key, telegram_message_id, text FROM tally_seen').all() as { id: number; chat_key: string; telegram_message_id: number; text: string }[],
    outbox: db.prepare('SELECT origin_ref, kind, state, result FROM outbox WHERE origin_domain = ?').all(TALLY) as OutboxRow[],
  }));
  const problems: string[] = [];
  const rowsFor = (ref: string) => desk_.outbox.filter((row) => row.origin_ref === ref);

  // Bot commands: each one the sandbox delivered took effect once, replied at most once, imported once.
  const commands = messages.filter((m) => m.text.startsWith('/tally ') && recipientOf(m) === bot.id);
  expect(commands.length).toBeGreaterThan(0);
  for (const command of commands) {
    const effects = desk_.commands.filter((c) => c.telegram_message_id === command.boxIds.get(bot.id));
    if (effects.length !== 1) {
      problems.push(`command "${command.text}" took effect ${effects.length} times`);
      continue;
    }
    const [tag, phone] = effects[0]!.args.split(' ') as [string, string];
    const rows = rowsFor(`command:${effects[0]!.id}`);
    const reply = rows.filter((r) => r.kind === 'text');
    const imports = rows.filter((r) => r.kind === 'contacts.import');
    if (reply.length !== 1 || imports.length !== 1) problems.push(`command "${command.text}" queued ${reply.length} replies and ${imports.length} imports`);
    const delivered = messages.filter((m) => m.senderId === bot.id && m.text.includes(` ${tag} `)).length;
    if (delivered > 1) problems.push(`command "${command.text}" was answered ${delivered} times`);
    if (reply[0]?.state === 'sent' && delivered !== 1) problems.push(`the reply to "${command.text}" is marked sent but the person got ${delivered}`);
    if (reply[0] && reply[0].state !== 'sent' && reply[0].state !== 'uncertain') problems.push(`the reply to "${command.text}" ended ${reply[0].state}`);
    if (imports[0]?.state !== 'sent') problems.push(`the import for "${command.text}" ended ${imports[0]?.state}`);
    const person = world.userByPhone(phone);
    if (!person || !world.user(account.id).contacts.has(person.id)) problems.push(`the import for "${command.text}" left ${phone} out of the account's contacts`);
  }
  for (const effect of desk_.commands) {
    if (!commands.some((c) => c.boxIds.get(bot.id) === effect.telegram_message_id)) problems.push(`a command took effect that nobody sent: ${effect.args}`);
  }

  // The consumer: each message people wrote to the account noted once; every fifth thanked once.
  const toAccount = messages.filter((m) => m.text.startsWith('run ') && recipientOf(m) === account.id);
  expect(toAccount.length).toBeGreaterThan(0);
  for (const message of toAccount) {
    const noted = desk_.seen.filter((s) => s.text === message.text);
    if (noted.length !== 1) problems.push(`"${message.text}" was consumed ${noted.length} times`);
    if (noted.length !== 1 || noted[0]!.id % 5 !== 0) continue;
    const rows = rowsFor(`seen:${noted[0]!.id}`);
    if (rows.length !== 1 || rows[0]!.kind !== 'tally.thank' || rows[0]!.state !== 'sent') problems.push(`the thanks for "${message.text}" is ${JSON.stringify(rows)}`);
    const thanks = messages.filter((m) => m.senderId === account.id && m.text === `thanks for ${message.text}`).length;
    if (thanks !== 1) problems.push(`"${message.text}" was thanked ${thanks} times`);
  }
  for (const seen of desk_.seen) if (!toAccount.some((m) => m.text === seen.text)) problems.push(`consumed, but the sandbox never sent it: "${seen.text}"`);
  expect(problems).toEqual([]);
}, 180_000);
