import type { Database } from 'better-sqlite3';
import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/result';
import { countStored } from '../messages/message-repo';
import { useTempDirs } from '../test-support/temp-dir';
import type { BotsServiceWithWebhook } from './bots-service';
import { POLLED_ELSEWHERE, TOKEN_REVOKED } from './polling/bot-poller';
import { startRefusingProxy } from './test/refusing-proxy';
import { OPERATOR, startBotsWorld, waitFor, type BotsWorld } from './test/bots-harness';

const tempDir = useTempDirs();
let w: BotsWorld;
let db: Database;
const services: BotsServiceWithWebhook[] = [];

beforeEach(async () => {
  w = await startBotsWorld(tempDir());
  db = w.openDb();
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.stopAll();
  await w.server.close();
  db.close();
});

function newService(options: Parameters<BotsWorld['service']>[1] = {}) {
  const s = w.service(db, options);
  services.push(s);
  return s;
}
const waitForState = (id: number, status: string) => waitFor(() => (w.lastState(id)?.status === status ? true : undefined), 5_000);
const storedTexts = () => db.prepare("SELECT text FROM messages WHERE source_kind = 'bot' ORDER BY id").pluck().all();

describe('bots: adding', () => {
  it('checks the token with getMe, stores it encrypted, and starts polling', async () => {
    const bots = newService();
    const view = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    expect(view).toMatchObject({ username: 'desk_bot', firstName: 'Desk', telegramBotId: w.deskBot.id, mode: 'polling', enabled: true });
    await waitForState(view.id, 'online');
    const row = db.prepare('SELECT token_enc FROM bots WHERE id = ?').pluck().get(view.id) as string;
    expect(row).not.toContain(w.deskBot.token.split(':')[1]);
    expect(w.audits).toContainEqual(expect.objectContaining({ action: 'bots.add', actor: 'operator:test', target: `bot:${view.id}` }));
    expect(w.statesOf(view.id)).toEqual(['stopped', 'connecting', 'online']);
  });

  it('refuses a bad token with a clear message and saves nothing', async () => {
    const bots = newService();
    const bad = `${w.deskBot.id}:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    const attempt = bots.handlers['bots.add']({ token: bad, mode: 'polling' }, OPERATOR);
    await expect(attempt).rejects.toBeInstanceOf(DeskError);
    await expect(attempt).rejects.toMatchObject({ code: 'bot_token_invalid', message: expect.stringContaining('@BotFather') });
    expect(db.prepare('SELECT count(*) FROM bots').pluck().get()).toBe(0);
    expect(w.audits).toEqual([]);
  });

  it('refuses the same bot twice', async () => {
    const bots = newService();
    await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    await expect(bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR)).rejects.toMatchObject({ code: 'conflict' });
    expect(db.prepare('SELECT count(*) FROM bots').pluck().get()).toBe(1);
  });
});

describe('bots: receiving', () => {
  it('stores messages from people once and announces them after the commit', async () => {
    const bots = newService();
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    await waitForState(id, 'online');
    w.writes(w.deskBot, 'hello');
    w.writes(w.deskBot, 'again');
    await waitFor(() => (w.received().length === 2 ? true : undefined), 5_000);
    expect(w.received().map((m) => [m.text, m.chatKey, m.senderName, m.outgoing])).toEqual([
      ['hello', `user:${w.alice.id}`, 'Alice Doe', false],
      ['again', `user:${w.alice.id}`, 'Alice Doe', false],
    ]);
    expect(storedTexts()).toEqual(['hello', 'again']);
    const entity = db.prepare("SELECT username, first_name FROM telegram_entities WHERE source_kind = 'bot' AND peer_id = ?").get(w.alice.id);
    expect(entity).toEqual({ username: 'alice', first_name: 'Alice' });
    // Telegram learns of the commit from the next getUpdates offset, which follows shortly.
    await waitFor(() => (w.server.pendingUpdateCount(w.deskBot.id) === 0 ? true : undefined), 5_000);
  });

  it('restores bots from encrypted storage after a restart and resumes from the committed offset', async () => {
    const first = newService();
    const { id } = await first.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    w.writes(w.deskBot, 'before restart');
    await waitFor(() => (storedTexts().length === 1 ? true : undefined));
    await first.stopAll();
    db.close();
    w.writes(w.deskBot, 'while away');

    db = w.openDb();
    const second = newService();
    expect(second.health()).toEqual([{ kind: 'bot', id, name: '@desk_bot', state: { status: 'stopped' } }]);
    await second.startAll();
    await waitFor(() => (storedTexts().length === 2 ? true : undefined));
    w.writes(w.deskBot, 'after restart');
    await waitFor(() => (storedTexts().length === 3 ? true : undefined));
    expect(storedTexts()).toEqual(['before restart', 'while away', 'after restart']);
    expect(second.health()[0]!.state).toEqual({ status: 'online' });
  });

  it('neither loses nor duplicates an update when storing fails after getUpdates (a crash before the commit)', async () => {
    const first = newService();
    const { id } = await first.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    await waitForState(id, 'online');
    // The next store fails inside its transaction, as if the process died before the commit.
    db.exec("CREATE TEMP TRIGGER crash BEFORE INSERT ON messages BEGIN SELECT RAISE(ABORT, 'simulated crash'); END");
    const sent = w.writes(w.deskBot, 'must arrive once');
    await waitForState(id, 'reconnecting');
    await first.stopAll();
    db.exec('DROP TRIGGER crash');
    expect(storedTexts()).toEqual([]);

    const restarted = newService();
    await restarted.startAll();
    await waitFor(() => (storedTexts().length === 1 ? true : undefined));
    w.writes(w.deskBot, 'next');
    await waitFor(() => (storedTexts().length === 2 ? true : undefined));
    const chatKey = `user:${w.alice.id}`;
    expect(countStored(db, { kind: 'bot', id }, chatKey, w.world.viewId(sent, w.deskBot.id)!)).toBe(1);
    expect(storedTexts()).toEqual(['must arrive once', 'next']);
    expect(w.world.receivedBy(w.deskBot.id).map((m) => m.text)).toEqual(['must arrive once', 'next']);
  });

  it('asks again for updates whose answer was lost on the way, and stores them once', async () => {
    const bots = newService();
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    await waitForState(id, 'online');
    w.server.setFaults({ loseResponse: { methods: ['getUpdates'], times: 1 } });
    w.writes(w.deskBot, 'lost once');
    await waitFor(() => (storedTexts().length === 1 ? true : undefined));
    w.writes(w.deskBot, 'then fine');
    await waitFor(() => (storedTexts().length === 2 ? true : undefined));
    expect(storedTexts()).toEqual(['lost once', 'then fine']);
    expect(w.statesOf(id)).toContain('reconnecting');
  });
});

describe('bots: failures', () => {
  it('retries 5xx with backoff (reconnecting with attempt and next try), then comes back online', async () => {
    const bots = newService();
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    await waitForState(id, 'online');
    w.server.setFaults({ serverError: { methods: ['getUpdates'], status: 502, times: 3 } });
    w.writes(w.deskBot, 'through the storm');
    await waitFor(() => (storedTexts().length === 1 ? true : undefined));
    // The poll already held by the sandbox may deliver the message before the faults bite, so wait
    // for the three failed polls and the recovery rather than for the message alone.
    const reconnectingStates = () =>
      w.events.flatMap((e) => (e.type === 'bots.changed' && e.payload.state.status === 'reconnecting' ? [e.payload.state] : []));
    await waitFor(() => (reconnectingStates().length === 3 && w.lastState(id)?.status === 'online' ? true : undefined), 10_000);
    const reconnecting = reconnectingStates();
    expect(reconnecting.map((s) => s.attempt)).toEqual([1, 2, 3]);
    expect(reconnecting[0]).toMatchObject({ reason: expect.stringContaining('502'), nextTryAt: expect.any(Number) });
    expect(w.statesOf(id).slice(-5)).toEqual(['online', 'reconnecting', 'reconnecting', 'reconnecting', 'online']);
  });

  it('waits retry_after on 429 (flood_wait until then), then polls again', async () => {
    let refusals = 1;
    const proxy = await startRefusingProxy(w.server.url, (method) =>
      method === 'getUpdates' && refusals-- > 0
        ? { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } }
        : null,
    );
    try {
      const bots = newService({ apiRoot: proxy.url });
      const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
      await waitForState(id, 'flood_wait');
      expect(w.lastState(id)).toEqual({ status: 'flood_wait', until: w.clock.now() + 1000 });
      await waitForState(id, 'online');
      await bots.stopAll();
    } finally {
      await proxy.close();
    }
  });

  it('reports a second poller instead of fighting it, and polls again when started', async () => {
    const bots = newService();
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    await waitForState(id, 'online');
    await waitFor(() => (w.server.isPollHeld(w.deskBot.id) ? true : undefined));
    const intruder = new Api(w.deskBot.token, { apiRoot: w.server.url });
    const intruderPoll = intruder.getUpdates({ timeout: 1 });
    await waitForState(id, 'error');
    expect(w.lastState(id)).toEqual({ status: 'error', reason: POLLED_ELSEWHERE });
    // Not fought: the other program's poll runs its full course instead of being cut off with 409.
    await expect(intruderPoll).resolves.toEqual([]);
    expect(bots.health()[0]!.state.status).toBe('error');

    await bots.handlers['bots.start']({ id }, OPERATOR);
    await waitForState(id, 'online');
  });

  it('says so when Telegram stops accepting the token', async () => {
    const bots = newService();
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    await waitForState(id, 'online');
    w.deskBot.token = `${w.deskBot.id}:revokedrevokedrevokedrevokedrevoked0`;
    w.writes(w.deskBot, 'ends the held poll');
    await waitForState(id, 'error');
    expect(w.lastState(id)).toEqual({ status: 'error', reason: TOKEN_REVOKED });
  });
});

describe('bots: live control', () => {
  it('stopping one bot does not disturb another; a stopped bot gets what waited on start', async () => {
    const bots = newService();
    const desk = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    const other = await bots.handlers['bots.add']({ token: w.otherBot.token, mode: 'polling' }, OPERATOR);
    await waitForState(desk.id, 'online');
    await waitForState(other.id, 'online');
    const stopped = await bots.handlers['bots.stop']({ id: desk.id }, OPERATOR);
    expect(stopped).toMatchObject({ enabled: false, state: { status: 'stopped' } });

    w.writes(w.deskBot, 'to the stopped one');
    w.writes(w.otherBot, 'to the running one');
    await waitFor(() => (storedTexts().length === 1 ? true : undefined));
    expect(storedTexts()).toEqual(['to the running one']);
    expect(w.statesOf(other.id)).toEqual(['stopped', 'connecting', 'online']);

    await bots.handlers['bots.start']({ id: desk.id }, OPERATOR);
    await waitFor(() => (storedTexts().length === 2 ? true : undefined));
    expect(storedTexts()).toEqual(['to the running one', 'to the stopped one']);
    expect(await bots.restartAll()).toBe(2);
    await waitForState(desk.id, 'online');
  });

  it('removes a bot live: no more polling, its row and entities gone, an event sent', async () => {
    const bots = newService();
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    w.writes(w.deskBot, 'kept as history');
    await waitFor(() => (storedTexts().length === 1 ? true : undefined), 5_000);
    // Let the next getUpdates confirm it, so only what comes after the removal stays pending.
    await waitFor(() => (w.server.pendingUpdateCount(w.deskBot.id) === 0 ? true : undefined), 5_000);
    await expect(bots.handlers['bots.remove']({ id, confirm: true }, OPERATOR)).resolves.toEqual({ removed: true });
    expect(bots.handlers['bots.list']({}, OPERATOR)).toEqual({ bots: [] });
    expect(db.prepare("SELECT count(*) FROM telegram_entities WHERE source_kind = 'bot'").pluck().get()).toBe(0);
    await waitFor(() => (w.events.some((e) => e.type === 'bots.removed' && e.payload.id === id) ? true : undefined));
    // The desk's held getUpdates ends with the removal; a poller still running would hold another.
    await waitFor(() => (w.server.isPollHeld(w.deskBot.id) ? undefined : true));
    w.writes(w.deskBot, 'nobody listens');
    expect(w.server.pendingUpdateCount(w.deskBot.id)).toBe(1);
    await expect(bots.handlers['bots.start']({ id }, OPERATOR)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('leaves no timers or sockets behind after stopAll, even mid-backoff', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const bots = newService({ backoff: { baseMs: 60_000, maxMs: 60_000 } });
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    await waitForState(id, 'online');
    w.server.setFaults({ serverError: { methods: ['getUpdates'], status: 500 } });
    w.writes(w.deskBot, 'ends the held poll');
    await waitForState(id, 'reconnecting');
    const started = Date.now();
    await bots.stopAll();
    expect(Date.now() - started).toBeLessThan(1_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBeLessThanOrEqual(before);
  });
});

describe('bots: secrets', () => {
  it('never puts the token in a log line or an event', async () => {
    const bots = newService();
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    await waitForState(id, 'online');
    w.server.setFaults({ serverError: { methods: ['getUpdates'], status: 502, times: 1 }, loseResponse: { methods: ['getUpdates'], times: 1 } });
    w.writes(w.deskBot, 'noise');
    await waitFor(() => (storedTexts().length === 1 ? true : undefined));
    await bots.handlers['bots.stop']({ id }, OPERATOR);
    await new Promise((resolve) => setImmediate(resolve));
    const secretPart = w.deskBot.token.split(':')[1]!;
    expect(w.logLines.length).toBeGreaterThan(0);
    expect(w.logLines.join('\n')).not.toContain(secretPart);
    expect(JSON.stringify(w.events)).not.toContain(secretPart);
    expect(JSON.stringify(w.audits)).not.toContain(secretPart);
  });
});
