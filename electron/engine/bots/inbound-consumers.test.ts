import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundConsumer } from '../inbound/inbound';
import { useTempDirs } from '../test-support/temp-dir';
import type { BotsServiceWithWebhook } from './bots-service';
import { OPERATOR, startBotsWorld, waitFor, type BotsWorld } from './test/bots-harness';

const tempDir = useTempDirs();
let w: BotsWorld;
let db: Database;
const services: BotsServiceWithWebhook[] = [];

beforeEach(async () => {
  w = await startBotsWorld(tempDir());
  db = w.openDb();
  db.exec('CREATE TABLE done_tasks (task TEXT NOT NULL, language TEXT)');
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.stopAll();
  await w.server.close();
  db.close();
});

/** A throwaway domain: it takes `/done N` out of the batch (the inbox never sees it) and records N with the person's language. */
const tasks = (options: { failWith?: () => Error | null } = {}): InboundConsumer => ({
  name: 'tasks',
  consume(batch, { db }) {
    const failure = options.failWith?.();
    if (failure) throw failure;
    const mine = batch.messages.filter((m) => m.command?.name === 'done');
    for (const m of mine) db.prepare('INSERT INTO done_tasks VALUES (?, ?)').run(m.command!.args, m.sender?.languageCode ?? null);
    return { ...batch, messages: batch.messages.filter((m) => !mine.includes(m)) };
  },
});

async function onlineBot(consumers: InboundConsumer[]) {
  const s = w.service(db, { consumers });
  services.push(s);
  const { id } = await s.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
  await waitFor(() => (w.lastState(id)?.status === 'online' ? true : undefined), 5_000);
  return { s, id };
}

const doneTasks = () => db.prepare('SELECT task, language FROM done_tasks ORDER BY rowid').all();
const storedTexts = () => db.prepare("SELECT text FROM messages WHERE source_kind = 'bot' ORDER BY id").pluck().all();
const offsetOf = (id: number) => db.prepare('SELECT update_offset FROM bots WHERE id = ?').pluck().get(id) as number;

describe('bots: inbound consumers', () => {
  it('gives a domain the commands addressed to this bot with the sender’s language; the inbox stores the rest', async () => {
    const { id } = await onlineBot([tasks()]);
    const ivan = w.world.addUser({ firstName: 'Ivan', languageCode: 'ru' });
    const chat = w.world.privateConversation(ivan.id, w.deskBot.id);
    w.world.sendMessage({ senderId: ivan.id, conversation: chat, text: '/done@desk_bot 12' });
    w.world.sendMessage({ senderId: ivan.id, conversation: chat, text: '/done@other_bot 13' });
    w.world.sendMessage({ senderId: ivan.id, conversation: chat, text: 'thanks' });
    await waitFor(() => (storedTexts().length === 2 ? true : undefined), 5_000);
    expect(doneTasks()).toEqual([{ task: '12', language: 'ru' }]);
    expect(storedTexts()).toEqual(['/done@other_bot 13', 'thanks']);
    expect(w.received().map((m) => m.text)).toEqual(['/done@other_bot 13', 'thanks']);
    expect(offsetOf(id)).toBeGreaterThan(0);
  });

  it('commits a domain’s rows with the offset: a storage failure takes neither, and the update comes again and lands once', async () => {
    let busy = true;
    const { s, id } = await onlineBot([tasks({ failWith: () => (busy ? Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }) : null) })]);
    const before = offsetOf(id);
    w.writes(w.deskBot, '/done 7');
    await waitFor(() => (w.lastState(id)?.status === 'reconnecting' ? true : undefined), 5_000);
    expect({ offset: offsetOf(id), tasks: doneTasks(), texts: storedTexts() }).toEqual({ offset: before, tasks: [], texts: [] });

    busy = false;
    s.retryNow();
    await waitFor(() => (doneTasks().length === 1 ? true : undefined), 5_000);
    // The row and the offset past its update were written by one commit: whoever sees one sees the other.
    expect(offsetOf(id)).toBeGreaterThan(before);
    w.writes(w.deskBot, 'after');
    await waitFor(() => (storedTexts().length === 1 ? true : undefined), 5_000);
    expect(doneTasks()).toEqual([{ task: '7', language: null }]);
    expect(storedTexts()).toEqual(['after']);
  });
});
