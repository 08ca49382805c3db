import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, waitFor, type Sandbox } from './test/harness';

interface Received {
  headers: IncomingHttpHeaders;
  body: { update_id: number; message?: { text?: string } };
}

let s: Sandbox;
let receiver: Server;
let received: Received[];
/** Status the receiver answers with, so a test can make deliveries fail. */
let answerStatus: number;

beforeEach(async () => {
  s = await startSandbox();
  received = [];
  answerStatus = 200;
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(body) as Received['body'] });
      res.writeHead(answerStatus).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  await s.server.close();
  await new Promise((resolve) => {
    receiver.close(resolve);
    receiver.closeAllConnections();
  });
});

/** The receiver's public address; the sandbox forwards it to the receiver on loopback, as a reverse proxy would. */
const PUBLIC_BASE = 'https://hooks.example.org';
const receiverUrl = () => {
  s.server.forwardWebhooks(PUBLIC_BASE, `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`);
  return `${PUBLIC_BASE}/hook`;
};

describe('Bot API front door: webhook', () => {
  it('delivers updates by POST with the secret token header', async () => {
    await s.bot.api.setWebhook(receiverUrl(), { secret_token: 's3cret-token' });
    s.aliceWrites('via webhook');
    const [delivery] = await waitFor(() => (received.length > 0 ? received : undefined));
    expect(delivery!.headers['x-telegram-bot-api-secret-token']).toBe('s3cret-token');
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(delivery!.body.message?.text).toBe('via webhook');
    await waitFor(() => (s.server.pendingUpdateCount(s.botUser.id) === 0 ? true : undefined));
    expect(await s.bot.api.getWebhookInfo()).toMatchObject({ url: receiverUrl(), pending_update_count: 0 });
  });

  it('refuses getUpdates while a webhook is set, until it is deleted', async () => {
    await s.bot.api.setWebhook(receiverUrl());
    await expect(s.bot.api.getUpdates()).rejects.toMatchObject({
      error_code: 409,
      description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    });
    await s.bot.api.deleteWebhook();
    await expect(s.bot.api.getUpdates()).resolves.toEqual([]);
  });

  it('ends a held getUpdates when a webhook is set', async () => {
    const poll = s.bot.api.getUpdates({ timeout: 5 });
    await waitFor(() => (s.server.isPollHeld(s.botUser.id) ? true : undefined));
    await s.bot.api.setWebhook(receiverUrl());
    await expect(poll).rejects.toMatchObject({ error_code: 409, description: 'Conflict: terminated by setWebhook request' });
  });

  it('retries a failed delivery, reports it, and keeps the update until it is accepted', async () => {
    answerStatus = 500;
    await s.bot.api.setWebhook(receiverUrl());
    s.aliceWrites('retry me');
    await waitFor(() => (received.length >= 2 ? true : undefined));
    const info = await s.bot.api.getWebhookInfo();
    expect(info.pending_update_count).toBe(1);
    expect(info.last_error_message).toBe('Wrong response from the webhook: 500 Internal Server Error');
    answerStatus = 200;
    await waitFor(() => (s.server.pendingUpdateCount(s.botUser.id) === 0 ? true : undefined));
    expect(new Set(received.map((r) => r.body.update_id)).size).toBe(1);
  });

  it('refuses what Telegram refuses: plain http, other ports, hosts it cannot reach, bad secret tokens', async () => {
    receiverUrl();
    const refusal = (description: string) => ({ error_code: 400, description });
    await expect(s.bot.api.setWebhook('http://hooks.example.org/hook')).rejects.toMatchObject(
      refusal('Bad Request: bad webhook: An HTTPS URL must be provided for webhook'),
    );
    await expect(s.bot.api.setWebhook('https://hooks.example.org:3000/hook')).rejects.toMatchObject(
      refusal('Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443'),
    );
    await expect(s.bot.api.setWebhook('https://elsewhere.example.org/hook')).rejects.toMatchObject(
      refusal('Bad Request: bad webhook: Failed to resolve host: Name or service not known'),
    );
    await expect(s.bot.api.setWebhook(`${PUBLIC_BASE}/hook`, { secret_token: 'has space' })).rejects.toMatchObject(
      refusal('Bad Request: secret token contains unallowed characters'),
    );
    await expect(s.bot.api.setWebhook(`${PUBLIC_BASE}/hook`, { secret_token: 'a'.repeat(257) })).rejects.toMatchObject(
      refusal('Bad Request: secret token is too long'),
    );
    expect((await s.bot.api.getWebhookInfo()).url).toBe('');
    for (const port of [80, 88, 443, 8443]) {
      s.server.forwardWebhooks(`https://hooks.example.org:${port}`, `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`);
      await expect(s.bot.api.setWebhook(`https://hooks.example.org:${port}/hook`, { secret_token: 'A-z_0-9'.repeat(36) })).resolves.toBe(true);
    }
  });

  it('reports a host that stopped forwarding as the last error and keeps the update', async () => {
    await s.bot.api.setWebhook(receiverUrl());
    s.server.forwardWebhooks(PUBLIC_BASE, null);
    s.aliceWrites('nobody home');
    const info = await waitFor(async () => {
      const current = await s.bot.api.getWebhookInfo();
      return current.last_error_date ? current : undefined;
    });
    expect(info).toMatchObject({ pending_update_count: 1, last_error_message: 'Failed to resolve host: Name or service not known' });
    expect(received).toEqual([]);
    receiverUrl();
    await waitFor(() => (received.length === 1 ? true : undefined));
  });

  it('drops pending updates when asked', async () => {
    s.aliceWrites('old');
    expect((await s.bot.api.getWebhookInfo()).pending_update_count).toBe(1);
    await s.bot.api.deleteWebhook({ drop_pending_updates: true });
    expect((await s.bot.api.getWebhookInfo()).pending_update_count).toBe(0);
  });
});
