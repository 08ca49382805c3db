import { GrammyError, HttpError } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './test/harness';

let s: Sandbox;
beforeEach(async () => {
  s = await startSandbox();
  s.aliceWrites('hi');
});
afterEach(async () => {
  await s.server.close();
});

const textsAliceGot = () => s.world.receivedBy(s.alice.id).map((m) => m.text);

describe('Bot API front door: faults', () => {
  it('loses the response after the send took effect: the person has it exactly once', async () => {
    s.server.setFaults({ loseResponse: { methods: ['sendMessage'], times: 1 } });
    await expect(s.bot.api.sendMessage(s.alice.id, 'did it arrive?')).rejects.toBeInstanceOf(HttpError);
    expect(textsAliceGot()).toEqual(['did it arrive?']);
    await expect(s.bot.api.sendMessage(s.alice.id, 'next')).resolves.toMatchObject({ text: 'next' });
    expect(textsAliceGot()).toEqual(['did it arrive?', 'next']);
  });

  it('answers 500 or 502 before the method runs', async () => {
    s.server.setFaults({ serverError: { status: 502, times: 1 } });
    const error = await s.bot.api.sendMessage(s.alice.id, 'lost').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 502, description: 'Bad Gateway' });
    s.server.setFaults({ serverError: { status: 500, methods: ['getMe'] } });
    await expect(s.bot.api.getMe()).rejects.toMatchObject({ error_code: 500, description: 'Internal Server Error' });
    await s.bot.api.sendMessage(s.alice.id, 'fine');
    expect(textsAliceGot()).toEqual(['fine']);
  });

  it.each([
    ['json', 'application/json', '{"message":"Upstream answered 502"}'],
    ['html', 'text/html', '<h1>502</h1>'],
    ['empty', 'text/plain', ''],
  ] as const)('answers a 5xx whose body is not a Bot API answer (%s, as a proxy would), before the method runs', async (body, type, excerpt) => {
    s.server.setFaults({ foreignError: { status: 502, body, methods: ['sendMessage'], times: 1 } });
    const response = await fetch(`${s.server.url}/bot${s.botUser.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: s.alice.id, text: 'lost' }),
    });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toContain(excerpt);
    expect(textsAliceGot()).toEqual([]);
    // What grammY makes of it: a GrammyError without a description, or an HttpError for a body that is not JSON.
    s.server.setFaults({ foreignError: { status: 502, body, times: 1 } });
    const error = await s.bot.api.sendMessage(s.alice.id, 'lost too').catch((e: unknown) => e);
    if (body === 'json') expect(error).toMatchObject({ name: 'GrammyError', error_code: undefined, description: undefined });
    else expect(error).toBeInstanceOf(HttpError);
    await s.bot.api.sendMessage(s.alice.id, 'fine');
    expect(textsAliceGot()).toEqual(['fine']);
  });

  it('adds latency', async () => {
    s.server.setFaults({ latencyMs: 80 });
    const started = Date.now();
    await s.bot.api.getMe();
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('fails a seeded share of requests when given a probability', async () => {
    s.server.setFaults({ serverError: { status: 500, probability: 0.5, methods: ['getMe'] } });
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => s.bot.api.getMe().then(() => 'ok', () => 'failed')));
    const failed = outcomes.filter((o) => o === 'failed').length;
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(20);
  });
});
