import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from 'better-sqlite3';
import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import type { BotsServiceWithWebhook } from '../bots-service';
import { OPERATOR, startBotsWorld, waitFor, type BotsWorld } from '../test/bots-harness';
import { webhookSecret } from './webhook-secret';

const tempDir = useTempDirs();
let w: BotsWorld;
let db: Database;
let bots: BotsServiceWithWebhook;
let local: Server;
let localUrl: string;

/** Stands in for the desk's local HTTP server: one route per bot, handed to handleWebhook. */
beforeEach(async () => {
  w = await startBotsWorld(tempDir(), { webhookRetry: { firstDelayMs: 20, maxDelayMs: 50 } });
  db = w.openDb();
  local = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = Number(req.url!.split('/').at(-1));
      const answer = bots.handleWebhook(id, req.headers['x-telegram-bot-api-secret-token'] as string | undefined, Buffer.concat(chunks));
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
  localUrl = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
  bots = w.service(db, { webhookUrl: (id) => `${localUrl}/telegram/bots/${id}` });
});
afterEach(async () => {
  await bots.stopAll();
  await w.server.close();
  await new Promise<void>((resolve) => (local.close(() => resolve()), local.closeAllConnections()));
  db.close();
});

const storedTexts = () => db.prepare("SELECT text FROM messages WHERE source_kind = 'bot' ORDER BY id").pluck().all();
const post = (id: number, body: string, secret: string | null) =>
  fetch(`${localUrl}/telegram/bots/${id}`, { method: 'POST', body, headers: secret ? { 'x-telegram-bot-api-secret-token': secret } : {} });

describe('bots: webhook mode', () => {
  it('registers the webhook, stores deliveries once, and checks the secret header', async () => {
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

  it('rejects a broken body with 400 and a reason', async () => {
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
    const { id } = await bots.handlers['bots.add']({ token: w.deskBot.token, mode: 'webhook' }, OPERATOR);
    await waitFor(() => (w.lastState(id)?.status === 'online' ? true : undefined));
    await bots.handlers['bots.remove']({ id, confirm: true }, OPERATOR);
    const info = await new Api(w.deskBot.token, { apiRoot: w.server.url }).getWebhookInfo();
    expect(info.url).toBe('');
  });
});
