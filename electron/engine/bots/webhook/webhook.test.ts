import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from 'better-sqlite3';
import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundConsumer } from '../../inbound/inbound';
import { useTempDirs } from '../../test-support/temp-dir';
import type { BotsServiceWithWebhook } from '../bots-service';
import { OPERATOR, startBotsWorld, waitFor, type BotsWorld } from '../test/bots-harness';
import { WEBHOOK_ROUTE } from './handle-webhook';
import { webhookSecret } from './webhook-secret';

const tempDir = useTempDirs();
let w: BotsWorld;
let db: Database;
let bots: BotsServiceWithWebhook;
let local: Server;
let localUrl: string;
/** Set by a test to make the next deliveries fail to store, as a locked database would. */
let storageFails = false;
const lockedDatabase: InboundConsumer = {
  name: 'locked',
  consume() {
    if (storageFails) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
  },
};

/** The operator's public address; the sandbox forwards it to the local server, as their reverse proxy would. */
const PUBLIC_BASE = 'https://desk.example.org';

/** Stands in for the desk's local HTTP server: one route per bot, handed to handleWebhook. */
beforeEach(async () => {
  w = await startBotsWorld(tempDir(), { webhookRetry: { firstDelayMs: 20, maxDelayMs: 50 } });
  db = w.openDb();
  local = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = Number(WEBHOOK_ROUTE.exec(req.url!)?.[1]);
      const answer = bots.handleWebhook(id, req.headers['x-telegram-bot-api-secret-token'] as string | undefined, Buffer.concat(chunks));
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
  localUrl = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
  bots = w.service(db, {
    localWebhookBase: () => localUrl,
    forwardPublicAddress: (publicBase, localBase) => w.server.forwardWebhooks(publicBase, localBase),
    webhookCheckEveryMs: 30,
    consumers: [lockedDatabase],
  });
  storageFails = false;
});
afterEach(async () => {
  await bots.stopAll();
  await w.server.close();
  await new Promise<void>((resolve) => (local.close(() => resolve()), local.closeAllConnections()));
  db.close();
});

const storedTexts = () => db.prepare("SELECT text FROM messages WHERE source_kind = 'bot' ORDER BY id").pluck().all();
const onlyBot = async () => (await bots.handlers['bots.list']({}, OPERATOR)).bots[0]!;
const setPublicBase = () => bots.handlers['bots.setEndpoints']({ webhookBaseUrl: PUBLIC_BASE }, OPERATOR);
const post = (id: number, body: string, secret: string | null) =>
  fetch(`${localUrl}/telegram/bots/${id}/webhook`, { method: 'POST', body, headers: secret ? { 'x-telegram-bot-api-secret-token': secret } : {} });

describe('bots: webhook mode', () => {
  it('gives Telegram the public HTTPS address with no API token in it', async () => {
    await setPublicBase();
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'webhook' }, OPERATOR);
    await waitFor(() => (w.lastState(id)?.status === 'online' ? true : undefined));
    const info = await new Api(w.deskBot.token, { apiRoot: w.server.url }).getWebhookInfo();
    expect(info.url).toBe(`${PUBLIC_BASE}/telegram/bots/${id}/webhook`);
  });

  it('refuses webhook mode without a public address, saying what it needs, and stores nothing', async () => {
    await expect(bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'webhook' }, OPERATOR)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('public HTTPS address'),
    });
    expect(await bots.handlers['bots.list']({}, OPERATOR)).toEqual({ bots: [] });
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'polling' }, OPERATOR);
    await expect(bots.handlers['bots.configure']({ id, mode: 'webhook' }, OPERATOR)).rejects.toMatchObject({ code: 'unavailable' });
    expect((await onlyBot()).mode).toBe('polling');
  });

  it('refuses a public address Telegram would refuse', async () => {
    const { setBotEndpointsInput } = await import('../../../../shared/contract/domains/bot-endpoints');
    const problem = (webhookBaseUrl: string) => setBotEndpointsInput.safeParse({ webhookBaseUrl }).error?.issues[0]?.message;
    expect(problem('http://desk.example.org')).toMatch(/https/);
    expect(problem('https://desk.example.org:3000')).toMatch(/443, 80, 88 and 8443/);
    expect(problem('https://desk.example.org/?token=x')).toMatch(/query/);
    expect(problem('https://desk.example.org:8443/desk/')).toBeUndefined();
  });

  it('is online only while deliveries work, and shows Telegram\'s last error and pending count', async () => {
    await setPublicBase();
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'webhook' }, OPERATOR);
    await waitFor(() => (w.lastState(id)?.status === 'online' ? true : undefined));
    // The operator's proxy stops forwarding: Telegram keeps the update and reports the failure.
    w.server.forwardWebhooks(PUBLIC_BASE, null);
    w.writes(w.deskBot, 'stuck at Telegram');
    const failing = await waitFor(async () => {
      const bot = await onlyBot();
      return bot.state.status === 'reconnecting' ? bot : undefined;
    });
    expect(failing.state).toMatchObject({ reason: 'Telegram cannot deliver updates: Failed to resolve host: Name or service not known' });
    expect(failing.webhook).toMatchObject({ pendingUpdateCount: 1, lastErrorMessage: 'Failed to resolve host: Name or service not known', lastErrorAt: expect.any(Number) });
    w.server.forwardWebhooks(PUBLIC_BASE, localUrl);
    await waitFor(() => (storedTexts().length === 1 ? true : undefined));
    const healthy = await waitFor(async () => {
      const bot = await onlyBot();
      return bot.state.status === 'online' && bot.webhook?.pendingUpdateCount === 0 ? bot : undefined;
    });
    expect(healthy.webhook?.lastErrorMessage).toBe('Failed to resolve host: Name or service not known');
  });

  it('switches a bot between webhook and polling mode', async () => {
    await setPublicBase();
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'webhook' }, OPERATOR);
    await waitFor(() => (w.lastState(id)?.status === 'online' ? true : undefined));
    await bots.handlers['bots.configure']({ id, mode: 'polling' }, OPERATOR);
    expect((await new Api(w.deskBot.token, { apiRoot: w.server.url }).getWebhookInfo()).url).toBe('');
    w.writes(w.deskBot, 'via polling');
    await waitFor(() => (storedTexts().length === 1 ? true : undefined));
    await expect(bots.handlers['bots.setEndpoints']({ webhookBaseUrl: null }, OPERATOR)).resolves.toMatchObject({ webhookBaseUrl: null });
  });

  it('registers the webhook, stores deliveries once, and checks the secret header', async () => {
    await setPublicBase();
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'webhook' }, OPERATOR);
    await waitFor(() => (w.lastState(id)?.status === 'online' ? true : undefined));
    w.writes(w.deskBot, 'via webhook');
    await waitFor(() => (storedTexts().length === 1 ? true : undefined));
    expect(w.received().map((m) => m.text)).toEqual(['via webhook']);

    const secret = webhookSecret(w.deskBot.token);
    const update = JSON.stringify({
      update_id: 500,
      message: { message_id: 77, date: 1, chat: { id: w.alice.id, type: 'private', first_name: 'Alice' }, from: { id: w.alice.id, is_bot: false, first_name: 'Alice' }, text: 'posted twice' },
    });
    expect((await post(id, update, 'wrong')).status).toBe(401);
    expect((await post(id, update, null)).status).toBe(401);
    expect((await post(id, update, secret)).status).toBe(200);
    expect((await post(id, update, secret)).status).toBe(200);
    expect(storedTexts()).toEqual(['via webhook', 'posted twice']);
    expect(db.prepare('SELECT update_offset FROM bots WHERE id = ?').pluck().get(id)).toBe(501);
  });

  it('answers 500 when a delivery cannot be stored, moving no offset, and takes it once when Telegram delivers it again', async () => {
    await setPublicBase();
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'webhook' }, OPERATOR);
    await waitFor(() => (w.lastState(id)?.status === 'online' ? true : undefined));
    const secret = webhookSecret(w.deskBot.token);
    const update = JSON.stringify({
      update_id: 600,
      message: { message_id: 78, date: 1, chat: { id: w.alice.id, type: 'private', first_name: 'Alice' }, from: { id: w.alice.id, is_bot: false, first_name: 'Alice' }, text: 'try again' },
    });
    const offset = () => db.prepare('SELECT update_offset FROM bots WHERE id = ?').pluck().get(id);
    const before = offset();
    storageFails = true;
    expect((await post(id, update, secret)).status).toBe(500);
    expect({ offset: offset(), texts: storedTexts() }).toEqual({ offset: before, texts: [] });
    storageFails = false;
    expect((await post(id, update, secret)).status).toBe(200);
    expect((await post(id, update, secret)).status).toBe(200);
    expect({ offset: offset(), texts: storedTexts() }).toEqual({ offset: 601, texts: ['try again'] });
  });

  it('rejects a broken body with 400 and a reason', async () => {
    await setPublicBase();
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'webhook' }, OPERATOR);
    await waitFor(() => (w.lastState(id)?.status === 'online' ? true : undefined));
    const secret = webhookSecret(w.deskBot.token);
    const broken = await post(id, '{"update_id": 1, "message": ', secret);
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: expect.stringContaining('not valid JSON') });
    const notAnUpdate = await post(id, '[1,2]', secret);
    expect(notAnUpdate.status).toBe(400);
    expect(storedTexts()).toEqual([]);
  });

  it('refuses deliveries while stopped (Telegram keeps them) and gets them after a start', async () => {
    await setPublicBase();
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'webhook' }, OPERATOR);
    await waitFor(() => (w.lastState(id)?.status === 'online' ? true : undefined));
    await bots.handlers['bots.stop']({ id }, OPERATOR);
    w.writes(w.deskBot, 'held by Telegram');
    // Telegram tried to deliver it and the stopped desk refused: getWebhookInfo reports that.
    const api = new Api(w.deskBot.token, { apiRoot: w.server.url });
    for (let info = await api.getWebhookInfo(); !info.last_error_date; info = await api.getWebhookInfo());
    expect(storedTexts()).toEqual([]);
    expect(w.server.pendingUpdateCount(w.deskBot.id)).toBe(1);
    await bots.handlers['bots.start']({ id }, OPERATOR);
    await waitFor(() => (storedTexts().length === 1 ? true : undefined));
    expect(storedTexts()).toEqual(['held by Telegram']);
  });

  it('deletes the webhook when the bot is removed', async () => {
    await setPublicBase();
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'webhook' }, OPERATOR);
    await waitFor(() => (w.lastState(id)?.status === 'online' ? true : undefined));
    await bots.handlers['bots.remove']({ id, confirm: true }, OPERATOR);
    const info = await new Api(w.deskBot.token, { apiRoot: w.server.url }).getWebhookInfo();
    expect(info.url).toBe('');
  });
});
